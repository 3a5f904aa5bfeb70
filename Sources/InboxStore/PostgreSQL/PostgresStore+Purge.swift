// The purge's role on PostgreSQL: range queries on event times and deletion in bounded
// transactions. No query here reads a sealed field, and the purge's database role may not.
public import Foundation
public import InboxCrypto
import PostgresNIO

extension PostgresStore: PurgeStore {
    public func purgeCandidates(field: RecordField, event: CandidateEvent, cutoff: Date, limit: Int) async throws -> [PurgeCandidate] {
        let column = "f.\(event.column)"
        return try await candidates(
            """
            SELECT f.record_id, r.reference, f.received_at, f.answered_at, f.closed_at, r.spam_at
            FROM sealed_fields f JOIN records r ON r.id = f.record_id
            WHERE f.field = \(field.rawValue) AND \(unescaped: column) <= \(Self.stored(cutoff)) AND r.held_at IS NULL
            ORDER BY \(unescaped: column) LIMIT \(Int64(limit))
            """, field: field)
    }

    public func spamCandidates(field: RecordField, cutoff: Date, limit: Int) async throws -> [PurgeCandidate] {
        try await candidates(
            """
            SELECT f.record_id, r.reference, f.received_at, f.answered_at, f.closed_at, r.spam_at
            FROM records r JOIN sealed_fields f ON f.record_id = r.id
            WHERE r.spam_at <= \(Self.stored(cutoff)) AND f.field = \(field.rawValue) AND r.held_at IS NULL
            ORDER BY r.spam_at LIMIT \(Int64(limit))
            """, field: field)
    }

    private func candidates(_ query: PostgresQuery, field: RecordField) async throws -> [PurgeCandidate] {
        try await read { [logger] connection in
            let rows = try await connection.query(query, logger: logger)
            var candidates: [PurgeCandidate] = []
            for try await (recordID, reference, receivedAt, answeredAt, closedAt, spamAt) in rows.decode(
                (Int64, String, Date, Date?, Date?, Date?).self)
            {
                candidates.append(
                    PurgeCandidate(
                        recordID: recordID, reference: try Self.reference(reference), field: field, receivedAt: receivedAt,
                        answeredAt: answeredAt, closedAt: closedAt, markedSpamAt: spamAt))
            }
            return candidates
        }
    }

    public func registerCandidates(cutoff: Date, limit: Int) async throws -> [(reference: Reference, receivedAt: Date)] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT g.reference, g.received_at FROM case_register g
                WHERE g.received_at <= \(Self.stored(cutoff)) AND NOT EXISTS (SELECT 1 FROM records r WHERE r.reference = g.reference)
                ORDER BY g.received_at LIMIT \(Int64(limit))
                """, logger: logger)
            var candidates: [(reference: Reference, receivedAt: Date)] = []
            for try await (reference, receivedAt) in rows.decode((String, Date).self) {
                candidates.append((try Self.reference(reference), receivedAt))
            }
            return candidates
        }
    }

    public func deleteRegisterEntries(_ references: [Reference]) async throws -> Int {
        guard !references.isEmpty else { return 0 }
        let texts = references.map(\.text)
        return try await transaction("write") { [logger] connection in
            let rows = try await connection.query(
                """
                DELETE FROM case_register g WHERE g.reference = ANY(\(texts))
                AND NOT EXISTS (SELECT 1 FROM records r WHERE r.reference = g.reference)
                RETURNING g.reference
                """, logger: logger)
            var deleted = 0
            for try await _ in rows.decode(String.self) { deleted += 1 }
            return deleted
        }
    }

    public func deleteFields(_ fields: [FieldToDelete], at date: Date) async throws -> [Reference] {
        guard !fields.isEmpty else { return [] }
        let deletedAt = Self.stored(date)
        return try await transaction("write") { [logger] connection in
            // The records locked first: a record held since the purge planned is not touched (the
            // hold wins), and a hold placed now waits for this transaction and then finds its
            // fields gone rather than half of them.
            let ids = Array(Set(fields.map(\.recordID))).sorted()
            var held = Set<Int64>()
            var spamSince: [Int64: Date] = [:]
            let rows = try await connection.query(
                "SELECT id, held_at IS NOT NULL, spam_at FROM records WHERE id = ANY(\(ids)) ORDER BY id FOR UPDATE", logger: logger)
            for try await (id, isHeld, spamAt) in rows.decode((Int64, Bool, Date?).self) {
                if isHeld { held.insert(id) }
                spamSince[id] = spamAt
            }
            var touched = Set<Int64>()
            // A field the spam rule chose goes only while the case is still spam since the same
            // moment: staff may have returned it to the queue since the purge planned.
            for field in fields
            where !held.contains(field.recordID) && (field.spamSince == nil || spamSince[field.recordID] == field.spamSince) {
                try await connection.query(
                    "DELETE FROM sealed_fields WHERE record_id = \(field.recordID) AND field = \(field.field.rawValue)", logger: logger)
                if field.field == .email {
                    // Without the address there is nobody to send a draft to.
                    try await connection.query("DELETE FROM email_index WHERE record_id = \(field.recordID)", logger: logger)
                    try await connection.query("DELETE FROM answer_drafts WHERE record_id = \(field.recordID)", logger: logger)
                }
                // Notes and interim replies go with the answer, or with the question of a case that
                // has no answer (docs/STORAGE.md).
                if field.field == .answer {
                    try await connection.query("DELETE FROM case_notes WHERE record_id = \(field.recordID)", logger: logger)
                }
                if field.field == .question {
                    try await connection.query(
                        """
                        DELETE FROM case_notes WHERE record_id = \(field.recordID)
                        AND NOT EXISTS (SELECT 1 FROM sealed_fields WHERE record_id = \(field.recordID) AND field = 'answer')
                        """, logger: logger)
                }
                touched.insert(field.recordID)
            }
            var deleted: [Reference] = []
            for recordID in touched.sorted() {
                let rows = try await connection.query(
                    """
                    DELETE FROM records WHERE id = \(recordID) AND NOT EXISTS (SELECT 1 FROM sealed_fields WHERE record_id = \(recordID))
                    RETURNING reference
                    """, logger: logger)
                for try await reference in rows.decode(String.self) { deleted.append(try Self.reference(reference)) }
            }
            for reference in deleted {
                try await connection.query(
                    "UPDATE case_register SET deleted_at = \(deletedAt) WHERE reference = \(reference.text)", logger: logger)
            }
            return deleted
        }
    }

    public func presentReferences(_ references: [Reference]) async throws -> [Reference] {
        guard !references.isEmpty else { return [] }
        let texts = references.map(\.text)
        let present = try await read { [logger] connection in
            let rows = try await connection.query("SELECT reference FROM records WHERE reference = ANY(\(texts))", logger: logger)
            var found = Set<String>()
            for try await text in rows.decode(String.self) { found.insert(text) }
            return found
        }
        return references.filter { present.contains($0.text) }
    }

    public func holdKeysInUse() async throws -> Set<UInt32> {
        try await read { [logger] connection in
            let rows = try await connection.query("SELECT DISTINCT hold_key FROM records WHERE hold_key IS NOT NULL", logger: logger)
            var keys = Set<UInt32>()
            for try await key in rows.decode(Int64.self) { if let key = UInt32(exactly: key) { keys.insert(key) } }
            return keys
        }
    }

    public func clearHolds(withKeys keyIDs: Set<UInt32>) async throws -> [Reference] {
        guard !keyIDs.isEmpty else { return [] }
        let keys = keyIDs.sorted().map { Int64($0) }
        return try await transaction("write") { [logger] connection in
            let rows = try await connection.query(
                """
                UPDATE records SET held_at = NULL, hold_reason = NULL, hold_key = NULL WHERE hold_key = ANY(\(keys))
                RETURNING reference
                """, logger: logger)
            var cleared: [Reference] = []
            for try await reference in rows.decode(String.self) { cleared.append(try Self.reference(reference)) }
            return cleared.sorted { $0.text < $1.text }
        }
    }
}

extension PostgresStore {
    /// A session-level advisory lock, held on a connection of its own for the whole run.
    public func withPurgeLock<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
        let lock = PostgresAdvisoryLock.purge.rawValue
        return try await client.withConnection(isolation: isolation) { [logger] connection in
            var taken = false
            for try await got in try await connection.query("SELECT pg_try_advisory_lock(\(lock))", logger: logger).decode(Bool.self) {
                taken = got
            }
            guard taken else { throw StoreError.busy(operation: "purge (another purge is running)") }
            do {
                let result = try await body()
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(lock))", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(lock))", logger: logger)
                throw error
            }
        }
    }
}
