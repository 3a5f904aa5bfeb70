// The purge's role on SQLite: range queries on event times, deletion in bounded transactions, and
// the hold markers it needs after a restore. No query here reads a sealed field.
public import Foundation
import GRDB
import Glibc
public import InboxCrypto

extension SQLiteStore: PurgeStore {
    public func purgeCandidates(field: RecordField, event: CandidateEvent, cutoff: Date, limit: Int) async throws -> [PurgeCandidate] {
        let column = "f.\(event.column)"
        let query = """
            SELECT f.record_id, r.reference, f.received_at, f.answered_at, f.closed_at, r.spam_at
            FROM sealed_fields f JOIN records r ON r.id = f.record_id
            WHERE f.field = ? AND \(column) <= ? AND r.held_at IS NULL
            ORDER BY \(column) LIMIT ?
            """
        return try await candidates(query, [field.rawValue, Self.milliseconds(cutoff), limit], field: field)
    }

    public func spamCandidates(field: RecordField, cutoff: Date, limit: Int) async throws -> [PurgeCandidate] {
        let query = """
            SELECT f.record_id, r.reference, f.received_at, f.answered_at, f.closed_at, r.spam_at
            FROM records r JOIN sealed_fields f ON f.record_id = r.id
            WHERE r.spam_at <= ? AND f.field = ? AND r.held_at IS NULL
            ORDER BY r.spam_at LIMIT ?
            """
        return try await candidates(query, [Self.milliseconds(cutoff), field.rawValue, limit], field: field)
    }

    private func candidates(_ query: String, _ arguments: StatementArguments, field: RecordField) async throws -> [PurgeCandidate] {
        try await read { db in
            try Row.fetchAll(db, sql: query, arguments: arguments).map { row in
                PurgeCandidate(
                    recordID: try row.value("record_id"), reference: try Self.reference(try row.value("reference")), field: field,
                    receivedAt: Self.date(try row.value("received_at")),
                    answeredAt: (try row.value("answered_at") as Int64?).map(Self.date),
                    closedAt: (try row.value("closed_at") as Int64?).map(Self.date),
                    markedSpamAt: (try row.value("spam_at") as Int64?).map(Self.date))
            }
        }
    }

    public func registerCandidates(cutoff: Date, limit: Int) async throws -> [(reference: Reference, receivedAt: Date)] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT g.reference, g.received_at FROM case_register g
                    WHERE g.received_at <= ? AND NOT EXISTS (SELECT 1 FROM records r WHERE r.reference = g.reference)
                    ORDER BY g.received_at LIMIT ?
                    """, arguments: [Self.milliseconds(cutoff), limit]
            ).map { row in (try Self.reference(try row.value("reference")), Self.date(try row.value("received_at"))) }
        }
    }

    public func deleteRegisterEntries(_ references: [Reference]) async throws -> Int {
        guard !references.isEmpty else { return 0 }
        return try await write { db in
            let delete = try db.cachedStatement(
                sql: "DELETE FROM case_register WHERE reference = ? AND NOT EXISTS (SELECT 1 FROM records WHERE reference = ?)")
            var deleted = 0
            for reference in references {
                try delete.execute(arguments: [reference.text, reference.text])
                deleted += db.changesCount
            }
            return deleted
        }
    }

    public func deleteFields(_ fields: [FieldToDelete], at date: Date) async throws -> [Reference] {
        guard !fields.isEmpty else { return [] }
        let deletedAt = Self.milliseconds(date)
        return try await write { db in
            let deleteField = try db.cachedStatement(sql: "DELETE FROM sealed_fields WHERE record_id = ? AND field = ?")
            let deleteIndex = try db.cachedStatement(sql: "DELETE FROM email_index WHERE record_id = ?")
            let deleteDraft = try db.cachedStatement(sql: "DELETE FROM answer_drafts WHERE record_id = ?")
            // Notes and interim replies go with the answer, or with the question of a case that has
            // no answer (docs/STORAGE.md).
            let deleteNotesWithAnswer = try db.cachedStatement(sql: "DELETE FROM case_notes WHERE record_id = ?")
            let deleteNotesWithQuestion = try db.cachedStatement(
                sql:
                    "DELETE FROM case_notes WHERE record_id = ? AND NOT EXISTS (SELECT 1 FROM sealed_fields WHERE record_id = ? AND field = 'answer')"
            )
            let emptyRecord = try db.cachedStatement(
                sql: "SELECT reference FROM records WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sealed_fields WHERE record_id = ?)")
            let deleteRecord = try db.cachedStatement(sql: "DELETE FROM records WHERE id = ?")
            let noteDeletion = try db.cachedStatement(sql: "UPDATE case_register SET deleted_at = ? WHERE reference = ?")
            // A record held since the purge planned is not touched: the hold wins. (Writers are
            // serialised, so what is read here stays true until the commit.)
            let isHeld = try db.cachedStatement(sql: "SELECT held_at IS NOT NULL FROM records WHERE id = ?")
            // A field the spam rule chose goes only while the case is still spam since the same
            // moment: staff may have returned it to the queue since the purge planned.
            let spamSince = try db.cachedStatement(sql: "SELECT spam_at FROM records WHERE id = ?")
            var touched = Set<Int64>()
            for field in fields where try Bool.fetchOne(isHeld, arguments: [field.recordID]) != true {
                if let expected = field.spamSince,
                    try Int64.fetchOne(spamSince, arguments: [field.recordID]) != Self.milliseconds(expected)
                {
                    continue
                }
                try deleteField.execute(arguments: [field.recordID, field.field.rawValue])
                if field.field == .email {
                    // Without the address there is nobody to send a draft to.
                    try deleteIndex.execute(arguments: [field.recordID])
                    try deleteDraft.execute(arguments: [field.recordID])
                }
                if field.field == .answer { try deleteNotesWithAnswer.execute(arguments: [field.recordID]) }
                if field.field == .question { try deleteNotesWithQuestion.execute(arguments: [field.recordID, field.recordID]) }
                touched.insert(field.recordID)
            }
            var deleted: [Reference] = []
            for recordID in touched.sorted() {
                if let reference = try String.fetchOne(emptyRecord, arguments: [recordID, recordID]) {
                    try deleteRecord.execute(arguments: [recordID])
                    try noteDeletion.execute(arguments: [deletedAt, reference])
                    deleted.append(try Self.reference(reference))
                }
            }
            return deleted
        }
    }

    public func presentReferences(_ references: [Reference]) async throws -> [Reference] {
        guard !references.isEmpty else { return [] }
        return try await read { db in
            let present = try db.cachedStatement(sql: "SELECT 1 FROM records WHERE reference = ?")
            return try references.filter { try Bool.fetchOne(present, arguments: [$0.text]) != nil }
        }
    }

    public func holdKeysInUse() async throws -> Set<UInt32> {
        try await read { db in
            Set(
                try Int64.fetchAll(db, sql: "SELECT DISTINCT hold_key FROM records WHERE hold_key IS NOT NULL").compactMap {
                    UInt32(exactly: $0)
                })
        }
    }

    public func clearHolds(withKeys keyIDs: Set<UInt32>) async throws -> [Reference] {
        guard !keyIDs.isEmpty else { return [] }
        return try await write { db in
            var cleared: [Reference] = []
            for keyID in keyIDs.sorted() {
                let rows = try Row.fetchAll(db, sql: "SELECT id, reference FROM records WHERE hold_key = ?", arguments: [Int64(keyID)])
                for row in rows {
                    try Self.setHold(db, recordID: try row.value("id"), hold: nil)
                    cleared.append(try Self.reference(try row.value("reference")))
                }
            }
            return cleared
        }
    }
}

extension SQLiteStore {
    /// flock(2) on a file beside the database (never on the database itself, whose POSIX locks
    /// SQLite owns), released when the run ends or the process does.
    public func withPurgeLock<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
        let lockPath = path + ".purge-lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotCreate(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw StoreError.busy(operation: "purge (another purge is running)") }
        // Unlocked explicitly, not by the close alone: a child forked meanwhile by another thread
        // shares the open file description until it execs, and would hold the lock a moment
        // longer (seen in the test process, where a purge right after another was refused).
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }
}
