// Requests and holds on PostgreSQL: the email index, erasure and re-sealing. What deleted rows
// leave behind is docs/STORAGE.md's subject: sealed bytes only, in dead tuples until a vacuum and
// in the WAL until it is recycled.
public import Foundation
public import InboxCrypto
import PostgresNIO

extension PostgresStore: RequestStore {
    public func references(withEmailIndex hmac: Data) async throws -> [Reference] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT r.reference FROM email_index i JOIN records r ON r.id = i.record_id
                WHERE i.hmac = \(hmac) ORDER BY r.received_at, r.id
                """, logger: logger)
            var references: [Reference] = []
            for try await text in rows.decode(String.self) { references.append(try Self.reference(text)) }
            return references
        }
    }

    public func erase(_ references: [Reference], at date: Date) async throws -> [Reference] {
        guard !references.isEmpty else { return [] }
        let erasedAt = Self.stored(date)
        return try await transaction("write") { [logger] connection in
            var erased: [Reference] = []
            for reference in references {
                // Fields, index entries and the draft go with the record (ON DELETE CASCADE).
                let rows = try await connection.query(
                    "DELETE FROM records WHERE reference = \(reference.text) RETURNING id", logger: logger)
                var present = false
                for try await _ in rows.decode(Int64.self) { present = true }
                guard present else { continue }
                erased.append(reference)
                try await connection.query(
                    """
                    UPDATE case_register SET erased_at = COALESCE(erased_at, \(erasedAt)), deleted_at = COALESCE(deleted_at, \(erasedAt))
                    WHERE reference = \(reference.text)
                    """, logger: logger)
            }
            return erased
        }
    }

    public func reseal(
        _ reference: Reference, sealedFields: [RecordField: Data], sealedDraft: Data?, sealedNotes: [Int64: Data],
        emailIndex: EmailIndexEntry?, hold: Hold?
    ) async throws {
        try await transaction("write") { [logger] connection in
            // Locked: a note or a draft written by a colleague waits, and is then sealed to the
            // keys the record has after this transaction.
            let recordID = try await Self.caseState(connection, reference, logger: logger).id
            var noteIDs = Set<Int64>()
            for try await id in try await connection.query("SELECT id FROM case_notes WHERE record_id = \(recordID)", logger: logger)
                .decode(Int64.self)
            {
                noteIDs.insert(id)
            }
            guard noteIDs == Set(sealedNotes.keys) else {
                throw StoreError.conflict(reference, "had a note added or removed meanwhile; run the command again")
            }
            // Every field present is re-sealed: an answer or a closing message recorded since the
            // fields were read would otherwise stay sealed to keys the hold does not cover.
            var fields = Set<String>()
            for try await field in try await connection.query(
                "SELECT field FROM sealed_fields WHERE record_id = \(recordID)", logger: logger
            )
            .decode(String.self) {
                fields.insert(field)
            }
            guard fields == Set(sealedFields.keys.map(\.rawValue)) else {
                throw StoreError.conflict(reference, "was answered, closed or purged meanwhile; run the command again")
            }
            if sealedDraft == nil {
                let drafts = try await connection.query("SELECT 1 FROM answer_drafts WHERE record_id = \(recordID)", logger: logger)
                guard try await drafts.collect().isEmpty else {
                    throw StoreError.conflict(reference, "had a draft saved meanwhile; run the command again")
                }
            }
            for (id, sealed) in sealedNotes {
                try await connection.query("UPDATE case_notes SET sealed = \(sealed) WHERE id = \(id)", logger: logger)
            }
            for (field, sealed) in sealedFields {
                let rows = try await connection.query(
                    "UPDATE sealed_fields SET sealed = \(sealed) WHERE record_id = \(recordID) AND field = \(field.rawValue) RETURNING field",
                    logger: logger)
                guard try await rows.collect().count == 1 else {
                    throw StoreError.corrupt("\(reference) has no \(field.rawValue) field to re-seal")
                }
            }
            if let sealedDraft {
                let rows = try await connection.query(
                    "UPDATE answer_drafts SET sealed = \(sealedDraft) WHERE record_id = \(recordID) RETURNING record_id", logger: logger)
                guard try await rows.collect().count == 1 else {
                    throw StoreError.conflict(reference, "had its draft sent or deleted meanwhile; run the command again")
                }
            }
            try await connection.query("DELETE FROM email_index WHERE record_id = \(recordID)", logger: logger)
            if let emailIndex {
                try await connection.query(
                    "INSERT INTO email_index (hmac, epoch, record_id) VALUES (\(emailIndex.hmac), \(Int64(emailIndex.epoch)), \(recordID))",
                    logger: logger)
            }
            try await Self.setHold(connection, recordID: recordID, hold: hold, logger: logger)
        }
    }

    static func setHold(_ connection: PostgresConnection, recordID: Int64, hold: Hold?, logger: Logger) async throws {
        try await connection.query(
            """
            UPDATE records SET held_at = \(hold.map { Self.stored($0.since) }), hold_reason = \(hold?.reason),
                hold_key = \(hold?.keyID.map { Int64($0) }) WHERE id = \(recordID)
            """, logger: logger)
    }

    /// Asks for a VACUUM of the tables records are deleted from, so that the dead tuples holding
    /// deleted sealed bytes are reclaimed now rather than at autovacuum's next round. PostgreSQL
    /// 15 lets only a table's owner vacuum it: a least-privilege role gets a warning and nothing
    /// happens, and autovacuum (tuned per table by the first migration) does it shortly after.
    public func reclaimDeletedData() async throws {
        do {
            _ = try await withConnection("vacuum") { [logger] connection in
                // VACUUM cannot run in a transaction block: one statement on its own.
                try await connection.query("VACUUM records, sealed_fields, email_index, answer_drafts, case_notes", logger: logger)
            }
        } catch {
            throw Self.storeError("vacuum", error)
        }
    }
}
