// Staff's role on PostgreSQL: records, sealed fields, drafts, and the answer recorded in one
// transaction with its audit entry.
public import Foundation
public import InboxCrypto
import PostgresNIO

extension PostgresStore: CaseStore {
    static let recordColumns = """
        r.reference, r.status, r.received_at, r.answered_at, r.held_at, r.hold_reason, r.hold_key,
        COALESCE((SELECT string_agg(f.field, ',') FROM sealed_fields f WHERE f.record_id = r.id), '') AS fields
        """

    typealias RecordRow = (String, String, Date, Date?, Date?, String?, Int64?, String)

    static func record(_ row: RecordRow) throws -> StoredRecord {
        let (reference, status, receivedAt, answeredAt, heldAt, holdReason, holdKey, fields) = row
        guard let status = RecordStatus(rawValue: status) else { throw StoreError.corrupt("unknown record status") }
        let hold: Hold? =
            if let heldAt, let holdReason { Hold(reason: holdReason, since: heldAt, keyID: holdKey.flatMap { UInt32(exactly: $0) }) } else {
                nil
            }
        return StoredRecord(
            reference: try Self.reference(reference), status: status, receivedAt: receivedAt, answeredAt: answeredAt, hold: hold,
            fields: Set(fields.split(separator: ",").compactMap { RecordField(rawValue: String($0)) }))
    }

    public func record(_ reference: Reference) async throws -> StoredRecord? {
        try await read { [logger] connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.reference = \(reference.text)", logger: logger)
            for try await row in rows.decode(RecordRow.self) { return try Self.record(row) }
            return nil
        }
    }

    public func records(status: RecordStatus?, held: Bool?) async throws -> [StoredRecord] {
        try await read { [logger] connection in
            let heldCondition = held.map { $0 ? "r.held_at IS NOT NULL" : "r.held_at IS NULL" } ?? "TRUE"
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.recordColumns) FROM records r
                WHERE (\(status?.rawValue)::text IS NULL OR r.status = \(status?.rawValue)) AND \(unescaped: heldCondition)
                ORDER BY r.received_at, r.id
                """, logger: logger)
            var records: [StoredRecord] = []
            for try await row in rows.decode(RecordRow.self) { records.append(try Self.record(row)) }
            return records
        }
    }

    public func recordCount() async throws -> Int {
        try await read { [logger] connection in
            for try await count in try await connection.query("SELECT count(*) FROM records", logger: logger).decode(Int64.self) {
                return Int(count)
            }
            return 0
        }
    }

    public func sealedFields(of reference: Reference) async throws -> [RecordField: Data] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                "SELECT f.field, f.sealed FROM sealed_fields f JOIN records r ON r.id = f.record_id WHERE r.reference = \(reference.text)",
                logger: logger)
            var fields: [RecordField: Data] = [:]
            for try await (name, sealed) in rows.decode((String, Data).self) {
                if let field = RecordField(rawValue: name) { fields[field] = sealed }
            }
            return fields
        }
    }

    public func draft(of reference: Reference) async throws -> Data? {
        try await read { [logger] connection in
            let rows = try await connection.query(
                "SELECT d.sealed FROM answer_drafts d JOIN records r ON r.id = d.record_id WHERE r.reference = \(reference.text)",
                logger: logger)
            for try await sealed in rows.decode(Data.self) { return sealed }
            return nil
        }
    }

    public func saveDraft(_ reference: Reference, sealedDraft: Data, at date: Date) async throws {
        try await transaction("write") { [logger] connection in
            let recordID = try await Self.recordID(connection, reference, logger: logger)
            try await connection.query(
                """
                INSERT INTO answer_drafts (record_id, sealed, saved_at) VALUES (\(recordID), \(sealedDraft), \(Self.stored(date)))
                ON CONFLICT (record_id) DO UPDATE SET sealed = excluded.sealed, saved_at = excluded.saved_at
                """, logger: logger)
        }
    }

    public func markAnswered(
        _ reference: Reference, sealedAnswer: Data, at date: Date, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let answered = Self.stored(date)
        return try await transaction("write") { [logger] connection in
            // FOR UPDATE: a colleague's answer, or a hold, waits for this transaction, and is then
            // refused by the same check.
            let rows = try await connection.query(
                """
                SELECT id, answered_at, COALESCE(hold_key, CASE WHEN held_at IS NOT NULL THEN 0 END)
                FROM records WHERE reference = \(reference.text) FOR UPDATE
                """, logger: logger)
            var state: (Int64, Date?, Int64?)?
            for try await row in rows.decode((Int64, Date?, Int64?).self) { state = row }
            guard let (recordID, answeredAt, hold) = state else { throw StoreError.notFound(reference) }
            if answeredAt != nil { throw StoreError.conflict(reference, "was answered meanwhile; the answer recorded first is kept") }
            guard hold == heldWith.map(Int64.init) else {
                throw StoreError.conflict(reference, "was held or released meanwhile; the answer was sealed for the record as it was")
            }
            try await connection.query(
                "UPDATE records SET status = 'answered', answered_at = \(answered) WHERE id = \(recordID)", logger: logger)
            try await connection.query("UPDATE sealed_fields SET answered_at = \(answered) WHERE record_id = \(recordID)", logger: logger)
            try await connection.query(
                """
                INSERT INTO sealed_fields (record_id, field, sealed, received_at, answered_at)
                SELECT id, 'answer', \(sealedAnswer), received_at, answered_at FROM records WHERE id = \(recordID)
                ON CONFLICT (record_id, field) DO UPDATE SET sealed = excluded.sealed
                """, logger: logger)
            try await connection.query("DELETE FROM answer_drafts WHERE record_id = \(recordID)", logger: logger)
            return try await Self.append(audit, on: connection, logger: logger)
        }
    }
}
