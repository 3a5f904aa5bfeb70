// Staff's role on SQLite: reading records and their sealed fields, drafts, and the answer recorded
// in one transaction with its audit entry.
public import Foundation
import GRDB
public import InboxCrypto

extension SQLiteStore: CaseStore {
    public func record(_ reference: Reference) async throws -> StoredRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.recordQuery + " WHERE r.reference = ? GROUP BY r.id", arguments: [reference.text])
                .map(Self.record)
        }
    }

    public func records(status: RecordStatus?, held: Bool?) async throws -> [StoredRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status {
            conditions.append("r.status = ?")
            arguments += [status.rawValue]
        }
        if let held { conditions.append(held ? "r.held_at IS NOT NULL" : "r.held_at IS NULL") }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let query = Self.recordQuery + whereClause + " GROUP BY r.id ORDER BY r.received_at, r.id"
        let bound = arguments
        return try await read { db in try Row.fetchAll(db, sql: query, arguments: bound).map(Self.record) }
    }

    public func recordCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM records") ?? 0 }
    }

    public func sealedFields(of reference: Reference) async throws -> [RecordField: Data] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT f.field, f.sealed FROM sealed_fields f JOIN records r ON r.id = f.record_id WHERE r.reference = ?",
                arguments: [reference.text])
            var fields: [RecordField: Data] = [:]
            for row in rows {
                if let field = RecordField(rawValue: try row.value("field") as String) { fields[field] = try row.value("sealed") as Data }
            }
            return fields
        }
    }

    public func draft(of reference: Reference) async throws -> Data? {
        try await read { db in
            try Data.fetchOne(
                db, sql: "SELECT d.sealed FROM answer_drafts d JOIN records r ON r.id = d.record_id WHERE r.reference = ?",
                arguments: [reference.text])
        }
    }

    public func saveDraft(_ reference: Reference, sealedDraft: Data, at date: Date, by claimant: String?) async throws {
        try await write { db in
            let state = try Self.caseState(db, reference)
            try state.checkOpen(reference)
            if let claimant { try state.check(claimant: claimant, reference) }
            try db.execute(
                sql: """
                    INSERT INTO answer_drafts (record_id, sealed, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT (record_id) DO UPDATE SET sealed = excluded.sealed, saved_at = excluded.saved_at
                    """,
                arguments: [state.id, sealedDraft, Self.milliseconds(date)])
        }
    }

    public func confirmClaim(_ reference: Reference, by claimant: String) async throws {
        try await write { db in
            let state = try Self.caseState(db, reference)
            try state.checkOpen(reference)
            try state.check(claimant: claimant, reference)
        }
    }

    public func markAnswered(
        _ reference: Reference, sealedAnswer: Data, by claimant: String, at date: Date, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let answered = Self.milliseconds(date)
        return try await write { db in
            let state = try Self.caseState(db, reference)
            if state.status == .answered {
                throw StoreError.conflict(reference, "was answered meanwhile; the answer recorded first is kept")
            }
            if state.status == .closed || state.status == .spam {
                throw StoreError.conflict(reference, "was \(state.status.rawValue) meanwhile")
            }
            try state.check(heldWith: heldWith, reference)
            try state.check(claimant: claimant, reference)
            try db.execute(
                sql:
                    "UPDATE records SET status = 'answered', answered_at = ?, claimed_by = ?, claimed_at = COALESCE(claimed_at, ?) WHERE id = ?",
                arguments: [answered, claimant, answered, state.id])
            try db.execute(sql: "UPDATE sealed_fields SET answered_at = ? WHERE record_id = ?", arguments: [answered, state.id])
            try db.execute(
                sql: """
                    INSERT INTO sealed_fields (record_id, field, sealed, received_at, answered_at)
                    SELECT id, 'answer', ?, received_at, answered_at FROM records WHERE id = ?
                    ON CONFLICT (record_id, field) DO UPDATE SET sealed = excluded.sealed
                    """,
                arguments: [sealedAnswer, state.id])
            try Self.deleteWhatEndsWithTheCase(db, recordID: state.id)
            return try Self.append(audit, in: db)
        }
    }

    public func changeClaim(
        _ reference: Reference, from expected: String?, to claimant: String?, at date: Date, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        try await write { db in
            let state = try Self.caseState(db, reference)
            guard state.claimant == expected else { throw StoreError.claimedByOther(reference, claimant: state.claimant) }
            if claimant != nil, state.status != .open {
                throw StoreError.conflict(reference, "is \(state.status.rawValue); there is nothing left to claim")
            }
            try db.execute(
                sql: "UPDATE records SET claimed_by = ?, claimed_at = ? WHERE id = ?",
                arguments: [claimant, claimant.map { _ in Self.milliseconds(date) }, state.id])
            return try Self.append(audit, in: db)
        }
    }

    public func markClosed(
        _ reference: Reference, closure: CaseClosure, sealedMessage: Data?, by claimant: String, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let closed = Self.milliseconds(closure.at)
        return try await write { db in
            let state = try Self.caseState(db, reference)
            guard state.status == .open else { throw StoreError.conflict(reference, "was \(state.status.rawValue) meanwhile") }
            try state.check(heldWith: heldWith, reference)
            try state.check(claimant: claimant, reference)
            try db.execute(
                sql: """
                    UPDATE records SET status = 'closed', closed_at = ?, close_reason = ?, forwarded_to = ?,
                        claimed_by = ?, claimed_at = COALESCE(claimed_at, ?)
                    WHERE id = ?
                    """,
                arguments: [closed, closure.reason.rawValue, closure.forwardedTo, claimant, closed, state.id])
            try db.execute(sql: "UPDATE sealed_fields SET closed_at = ? WHERE record_id = ?", arguments: [closed, state.id])
            if let sealedMessage {
                try db.execute(
                    sql: """
                        INSERT INTO sealed_fields (record_id, field, sealed, received_at, closed_at)
                        SELECT id, 'answer', ?, received_at, closed_at FROM records WHERE id = ?
                        """,
                    arguments: [sealedMessage, state.id])
            }
            try Self.deleteWhatEndsWithTheCase(db, recordID: state.id)
            return try Self.append(audit, in: db)
        }
    }

    public func addNote(
        _ reference: Reference, kind: CaseNoteKind, author: String, sealed: Data, at date: Date, claimedBy: String?, heldWith: UInt32?,
        audit: ChainedAppend
    ) async throws -> AppendedEntries {
        try await write { db in
            let state = try Self.caseState(db, reference)
            if kind != .official, state.status != .open {
                throw StoreError.conflict(reference, "is \(state.status.rawValue); only an official note can still be added")
            }
            try state.check(heldWith: heldWith, reference)
            if let claimedBy { try state.check(claimant: claimedBy, reference) }
            try db.execute(
                sql: "INSERT INTO case_notes (record_id, kind, author, written_at, sealed) VALUES (?, ?, ?, ?, ?)",
                arguments: [state.id, kind.rawValue, author, Self.milliseconds(date), sealed])
            return try Self.append(audit, in: db)
        }
    }

    public func markSpam(
        _ reference: Reference, spam: Bool, by person: String, at date: Date, audit: ChainedAppend
    ) async throws
        -> AppendedEntries
    {
        try await write { db in
            let state = try Self.caseState(db, reference)
            try state.checkSpamChange(to: spam, by: person, reference)
            if spam {
                try db.execute(
                    sql: "UPDATE records SET status = 'spam', spam_at = ?, claimed_by = NULL, claimed_at = NULL WHERE id = ?",
                    arguments: [Self.milliseconds(date), state.id])
                try Self.deleteWhatEndsWithTheCase(db, recordID: state.id)
            } else {
                try db.execute(sql: "UPDATE records SET status = 'open', spam_at = NULL WHERE id = ?", arguments: [state.id])
            }
            return try Self.append(audit, in: db)
        }
    }

    public func notes(of reference: Reference) async throws -> [CaseNote] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.id, n.kind, n.author, n.written_at, n.sealed FROM case_notes n JOIN records r ON r.id = n.record_id
                    WHERE r.reference = ? ORDER BY n.id
                    """,
                arguments: [reference.text]
            ).map { row in
                guard let kind = CaseNoteKind(rawValue: try row.value("kind")) else { throw StoreError.corrupt("unknown note kind") }
                return CaseNote(
                    id: try row.value("id"), kind: kind, author: try row.value("author"), writtenAt: Self.date(try row.value("written_at")),
                    sealed: try row.value("sealed"))
            }
        }
    }

    /// What a staff command's checks need of a record, read inside its write transaction (writers
    /// are serialised, so it stays true until the commit).
    static func caseState(_ db: Database, _ reference: Reference) throws -> CaseState {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, status, claimed_by, COALESCE(hold_key, CASE WHEN held_at IS NOT NULL THEN 0 END) AS hold
                    FROM records WHERE reference = ?
                    """,
                arguments: [reference.text])
        else { throw StoreError.notFound(reference) }
        guard let status = RecordStatus(rawValue: try row.value("status")) else { throw StoreError.corrupt("unknown record status") }
        return CaseState(id: try row.value("id"), status: status, claimant: try row.value("claimed_by"), holdKey: try row.value("hold"))
    }

    /// A case that ends loses its draft (nothing more is sent) and its working notes.
    static func deleteWhatEndsWithTheCase(_ db: Database, recordID: Int64) throws {
        try db.execute(sql: "DELETE FROM answer_drafts WHERE record_id = ?", arguments: [recordID])
        try db.execute(sql: "DELETE FROM case_notes WHERE record_id = ? AND kind = 'working'", arguments: [recordID])
    }
}
