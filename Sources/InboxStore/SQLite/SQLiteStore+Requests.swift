// Requests and holds on SQLite: the email index, erasure, re-sealing, and the WAL truncated so that
// erased ciphertext does not linger in it.
public import Foundation
import GRDB
import Glibc
public import InboxCrypto

extension SQLiteStore: RequestStore {
    public func references(withEmailIndex hmac: Data) async throws -> [Reference] {
        try await read { db in
            try String.fetchAll(
                db,
                sql: "SELECT r.reference FROM email_index i JOIN records r ON r.id = i.record_id WHERE i.hmac = ? ORDER BY r.received_at",
                arguments: [hmac]
            ).map(Self.reference)
        }
    }

    public func erase(_ references: [Reference], at date: Date) async throws -> [Reference] {
        guard !references.isEmpty else { return [] }
        let erasedAt = Self.milliseconds(date)
        return try await write { db in
            var erased: [Reference] = []
            for reference in references {
                // Fields and index entries go with the record (ON DELETE CASCADE).
                try db.execute(sql: "DELETE FROM records WHERE reference = ?", arguments: [reference.text])
                guard db.changesCount > 0 else { continue }
                erased.append(reference)
                try db.execute(
                    sql:
                        "UPDATE case_register SET erased_at = COALESCE(erased_at, ?), deleted_at = COALESCE(deleted_at, ?) WHERE reference = ?",
                    arguments: [erasedAt, erasedAt, reference.text])
            }
            return erased
        }
    }

    public func reseal(
        _ reference: Reference, sealedFields: [RecordField: Data], sealedDraft: Data?, sealedNotes: [Int64: Data],
        emailIndex: EmailIndexEntry?, hold: Hold?
    ) async throws {
        try await write { db in
            let recordID = try Self.recordID(db, reference)
            let noteIDs = try Int64.fetchAll(db, sql: "SELECT id FROM case_notes WHERE record_id = ?", arguments: [recordID])
            guard Set(noteIDs) == Set(sealedNotes.keys) else {
                throw StoreError.conflict(reference, "had a note added or removed meanwhile; run the command again")
            }
            // Every field present is re-sealed: an answer or a closing message recorded since the
            // fields were read would otherwise stay sealed to keys the hold does not cover.
            let fields = try String.fetchAll(db, sql: "SELECT field FROM sealed_fields WHERE record_id = ?", arguments: [recordID])
            guard Set(fields) == Set(sealedFields.keys.map(\.rawValue)) else {
                throw StoreError.conflict(reference, "was answered, closed or purged meanwhile; run the command again")
            }
            if sealedDraft == nil,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM answer_drafts WHERE record_id = ?", arguments: [recordID]) != nil
            {
                throw StoreError.conflict(reference, "had a draft saved meanwhile; run the command again")
            }
            for (id, sealed) in sealedNotes {
                try db.execute(sql: "UPDATE case_notes SET sealed = ? WHERE id = ?", arguments: [sealed, id])
            }
            for (field, sealed) in sealedFields {
                try db.execute(
                    sql: "UPDATE sealed_fields SET sealed = ? WHERE record_id = ? AND field = ?",
                    arguments: [sealed, recordID, field.rawValue])
                guard db.changesCount == 1 else { throw StoreError.corrupt("\(reference) has no \(field.rawValue) field to re-seal") }
            }
            if let sealedDraft {
                try db.execute(sql: "UPDATE answer_drafts SET sealed = ? WHERE record_id = ?", arguments: [sealedDraft, recordID])
                guard db.changesCount == 1 else {
                    throw StoreError.conflict(reference, "had its draft sent or deleted meanwhile; run the command again")
                }
            }
            try db.execute(sql: "DELETE FROM email_index WHERE record_id = ?", arguments: [recordID])
            if let emailIndex {
                try db.execute(
                    sql: "INSERT INTO email_index (hmac, epoch, record_id) VALUES (?, ?, ?)",
                    arguments: [emailIndex.hmac, Int64(emailIndex.epoch), recordID])
            }
            try Self.setHold(db, recordID: recordID, hold: hold)
        }
    }

    static func setHold(_ db: Database, recordID: Int64, hold: Hold?) throws {
        try db.execute(
            sql: "UPDATE records SET held_at = ?, hold_reason = ?, hold_key = ? WHERE id = ?",
            arguments: [hold.map { milliseconds($0.since) }, hold?.reason, hold?.keyID.map { Int64($0) }, recordID])
    }

    /// Checkpoints the WAL into the database and truncates it to zero bytes, so that deleted
    /// ciphertext does not linger in old WAL frames (freed database pages are overwritten by
    /// secure_delete). Another process's transaction makes SQLite answer busy: retry for a while.
    public func reclaimDeletedData() async throws {
        var attempt = 0
        while true {
            do {
                try await pool.writeWithoutTransaction { db in
                    let result = try db.checkpoint(.truncate)
                    guard result.walFrameCount == 0 || result.walFrameCount == result.checkpointedFrameCount else {
                        throw DatabaseError(resultCode: .SQLITE_BUSY, message: "WAL checkpoint incomplete")
                    }
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                attempt += 1
                guard attempt < 100 else { throw StoreError.busy(operation: "WAL checkpoint") }
                // Back off while the intake server finishes its transaction (group commits are short).
                try await Task.sleep(for: .milliseconds(min(attempt, 10) * 20))
            }
        }
    }
}
