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

    public func saveDraft(_ reference: Reference, sealedDraft: Data, at date: Date) async throws {
        try await write { db in
            let recordID = try Self.recordID(db, reference)
            try db.execute(
                sql: """
                    INSERT INTO answer_drafts (record_id, sealed, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT (record_id) DO UPDATE SET sealed = excluded.sealed, saved_at = excluded.saved_at
                    """,
                arguments: [recordID, sealedDraft, Self.milliseconds(date)])
        }
    }

    public func markAnswered(
        _ reference: Reference, sealedAnswer: Data, at date: Date, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let answered = Self.milliseconds(date)
        return try await write { db in
            let recordID = try Self.recordID(db, reference)
            let state = try Row.fetchOne(
                db,
                sql: "SELECT answered_at, COALESCE(hold_key, CASE WHEN held_at IS NOT NULL THEN 0 END) AS hold FROM records WHERE id = ?",
                arguments: [recordID])
            if try state?.value("answered_at") as Int64? != nil {
                throw StoreError.conflict(reference, "was answered meanwhile; the answer recorded first is kept")
            }
            guard try state?.value("hold") as Int64? == heldWith.map(Int64.init) else {
                throw StoreError.conflict(reference, "was held or released meanwhile; the answer was sealed for the record as it was")
            }
            try db.execute(sql: "UPDATE records SET status = 'answered', answered_at = ? WHERE id = ?", arguments: [answered, recordID])
            try db.execute(sql: "UPDATE sealed_fields SET answered_at = ? WHERE record_id = ?", arguments: [answered, recordID])
            try db.execute(
                sql: """
                    INSERT INTO sealed_fields (record_id, field, sealed, received_at, answered_at)
                    SELECT id, 'answer', ?, received_at, answered_at FROM records WHERE id = ?
                    ON CONFLICT (record_id, field) DO UPDATE SET sealed = excluded.sealed
                    """,
                arguments: [sealedAnswer, recordID])
            try db.execute(sql: "DELETE FROM answer_drafts WHERE record_id = ?", arguments: [recordID])
            return try Self.append(audit, in: db)
        }
    }
}
