// The embedded default store: one SQLite file in WAL mode with synchronous=FULL (a commit is on
// disk before it returns), secure_delete (freed pages are overwritten) and foreign keys.
public import Foundation
import GRDB
import GRDBSQLite
import Glibc
public import InboxCrypto

public final class SQLiteStore: InboxStore {
    /// `DatabasePool` is Sendable: it serialises writes and runs reads concurrently.
    let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // The server, the purge and staff commands share the file: wait for a lock rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        try Self.createPrivately(path)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB turns WAL on after prepareDatabase and sets synchronous=NORMAL as it does, which
            // syncs only at checkpoints: a commit could be acknowledged and then lost to a power
            // cut (found by the fault-injection tests). FULL again, on the one writer connection,
            // and checked.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                guard try Int.fetchOne(db, sql: "PRAGMA synchronous") == 2 else {
                    throw StoreError.corrupt("SQLite would not commit with synchronous = FULL")
                }
            }
            try SQLiteMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError.unusable(path: path, cause: error)
        }
    }

    /// Creates a missing database file 0600. SQLite gives the -wal and -shm files the mode of the
    /// database file, so none of the three is readable by others whatever the umask.
    private static func createPrivately(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        close(descriptor)
    }

    // MARK: Intake

    public func insert(_ submissions: [NewSubmission]) throws {
        try write { db in
            // Cached statements: a group commit inserts many submissions with the same three.
            let insertRecord = try db.cachedStatement(sql: "INSERT INTO records (reference, status, received_at) VALUES (?, 'open', ?)")
            let insertField = try db.cachedStatement(
                sql: "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (?, ?, ?, ?)")
            let insertIndex = try db.cachedStatement(sql: "INSERT INTO email_index (hmac, epoch, record_id) VALUES (?, ?, ?)")
            for submission in submissions {
                let received = Self.milliseconds(submission.receivedAt)
                try insertRecord.execute(arguments: [submission.reference.text, received])
                let recordID = db.lastInsertedRowID
                for (field, sealed) in submission.sealedFields {
                    try insertField.execute(arguments: [recordID, field.rawValue, sealed, received])
                }
                if let index = submission.emailIndex {
                    try insertIndex.execute(arguments: [index.hmac, Int64(index.epoch), recordID])
                }
            }
        }
    }

    // MARK: Reading

    public func record(_ reference: Reference) throws -> StoredRecord? {
        try read { db in
            try Row.fetchOne(db, sql: Self.recordQuery + " WHERE r.reference = ? GROUP BY r.id", arguments: [reference.text])
                .map(Self.record)
        }
    }

    public func records(status: RecordStatus?, held: Bool?) throws -> [StoredRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status {
            conditions.append("r.status = ?")
            arguments += [status.rawValue]
        }
        if let held { conditions.append(held ? "r.held_at IS NOT NULL" : "r.held_at IS NULL") }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: Self.recordQuery + whereClause + " GROUP BY r.id ORDER BY r.received_at, r.id", arguments: arguments)
                .map(Self.record)
        }
    }

    public func recordCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM records") ?? 0 }
    }

    public func sealedFields(of reference: Reference) throws -> [RecordField: Data] {
        try read { db in
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

    public func references(withEmailIndex hmac: Data) throws -> [Reference] {
        try read { db in
            try String.fetchAll(
                db,
                sql: "SELECT r.reference FROM email_index i JOIN records r ON r.id = i.record_id WHERE i.hmac = ? ORDER BY r.received_at",
                arguments: [hmac]
            ).map(Self.reference)
        }
    }

    // MARK: Changes

    public func markAnswered(_ reference: Reference, sealedAnswer: Data, at date: Date) throws {
        let answered = Self.milliseconds(date)
        try write { db in
            let recordID = try Self.recordID(db, reference)
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
        }
    }

    public func saveDraft(_ reference: Reference, sealedDraft: Data, at date: Date) throws {
        try write { db in
            let recordID = try Self.recordID(db, reference)
            try db.execute(
                sql: """
                    INSERT INTO answer_drafts (record_id, sealed, saved_at) VALUES (?, ?, ?)
                    ON CONFLICT (record_id) DO UPDATE SET sealed = excluded.sealed, saved_at = excluded.saved_at
                    """,
                arguments: [recordID, sealedDraft, Self.milliseconds(date)])
        }
    }

    public func draft(of reference: Reference) throws -> Data? {
        try read { db in
            try Data.fetchOne(
                db, sql: "SELECT d.sealed FROM answer_drafts d JOIN records r ON r.id = d.record_id WHERE r.reference = ?",
                arguments: [reference.text])
        }
    }

    public func setHold(_ reference: Reference, hold: Hold?) throws {
        try write { db in
            let recordID = try Self.recordID(db, reference)
            try Self.setHold(db, recordID: recordID, hold: hold)
        }
    }

    public func clearHolds(withKeys keyIDs: Set<UInt32>) throws -> [Reference] {
        guard !keyIDs.isEmpty else { return [] }
        return try write { db in
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

    private static func setHold(_ db: Database, recordID: Int64, hold: Hold?) throws {
        try db.execute(
            sql: "UPDATE records SET held_at = ?, hold_reason = ?, hold_key = ? WHERE id = ?",
            arguments: [hold.map { milliseconds($0.since) }, hold?.reason, hold?.keyID.map { Int64($0) }, recordID])
    }

    public func reseal(
        _ reference: Reference, sealedFields: [RecordField: Data], sealedDraft: Data?, emailIndex: EmailIndexEntry?, hold: Hold?
    ) throws {
        try write { db in
            let recordID = try Self.recordID(db, reference)
            for (field, sealed) in sealedFields {
                try db.execute(
                    sql: "UPDATE sealed_fields SET sealed = ? WHERE record_id = ? AND field = ?",
                    arguments: [sealed, recordID, field.rawValue])
                guard db.changesCount == 1 else { throw StoreError.corrupt("\(reference) has no \(field.rawValue) field to re-seal") }
            }
            if let sealedDraft {
                try db.execute(sql: "UPDATE answer_drafts SET sealed = ? WHERE record_id = ?", arguments: [sealedDraft, recordID])
                guard db.changesCount == 1 else { throw StoreError.corrupt("\(reference) has no draft to re-seal") }
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

    // MARK: Purge

    public func purgeCandidates(field: RecordField, event: CandidateEvent, cutoff: Date, limit: Int) throws -> [PurgeCandidate] {
        let column = event == .received ? "f.received_at" : "f.answered_at"
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.record_id, r.reference, f.received_at, f.answered_at
                    FROM sealed_fields f JOIN records r ON r.id = f.record_id
                    WHERE f.field = ? AND \(column) <= ? AND r.held_at IS NULL
                    ORDER BY \(column) LIMIT ?
                    """,
                arguments: [field.rawValue, Self.milliseconds(cutoff), limit])
            return try rows.map { row in
                PurgeCandidate(
                    recordID: try row.value("record_id"), reference: try Self.reference(try row.value("reference")), field: field,
                    receivedAt: Self.date(try row.value("received_at")), answeredAt: (try row.value("answered_at") as Int64?).map(Self.date)
                )
            }
        }
    }

    public func deleteFields(_ fields: [(recordID: Int64, field: RecordField)]) throws -> [Reference] {
        guard !fields.isEmpty else { return [] }
        return try write { db in
            let deleteField = try db.cachedStatement(sql: "DELETE FROM sealed_fields WHERE record_id = ? AND field = ?")
            let deleteIndex = try db.cachedStatement(sql: "DELETE FROM email_index WHERE record_id = ?")
            let deleteDraft = try db.cachedStatement(sql: "DELETE FROM answer_drafts WHERE record_id = ?")
            let emptyRecord = try db.cachedStatement(
                sql: "SELECT reference FROM records WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sealed_fields WHERE record_id = ?)")
            let deleteRecord = try db.cachedStatement(sql: "DELETE FROM records WHERE id = ?")
            var touched = Set<Int64>()
            for (recordID, field) in fields {
                try deleteField.execute(arguments: [recordID, field.rawValue])
                if field == .email {
                    // Without the address there is nobody to send a draft to.
                    try deleteIndex.execute(arguments: [recordID])
                    try deleteDraft.execute(arguments: [recordID])
                }
                touched.insert(recordID)
            }
            var deleted: [Reference] = []
            for recordID in touched.sorted() {
                if let reference = try String.fetchOne(emptyRecord, arguments: [recordID, recordID]) {
                    try deleteRecord.execute(arguments: [recordID])
                    deleted.append(try Self.reference(reference))
                }
            }
            return deleted
        }
    }

    public func erase(_ references: [Reference]) throws -> [Reference] {
        guard !references.isEmpty else { return [] }
        return try write { db in
            var erased: [Reference] = []
            for reference in references {
                // Fields and index entries go with the record (ON DELETE CASCADE).
                try db.execute(sql: "DELETE FROM records WHERE reference = ?", arguments: [reference.text])
                if db.changesCount > 0 { erased.append(reference) }
            }
            return erased
        }
    }

    public func writeChainedLog<T>(_ log: ChainedLogName, _ body: (any ChainedLogTransaction) throws -> T) throws -> T {
        // GRDB's write is one BEGIN IMMEDIATE transaction: the write lock is taken before the
        // tail is read, so no other process can append between the read and the insert.
        try write { db in try body(SQLiteChainedLogTransaction(db: db, log: log)) }
    }

    public func entries(of log: ChainedLogName) throws -> [ChainedLogEntry] {
        try read { db in try Row.fetchAll(db, sql: Self.logQuery(log) + " ORDER BY id").map { try Self.logEntry($0) } }
    }

    /// The table name comes from the enum, never from input.
    static func logQuery(_ log: ChainedLogName) -> String {
        "SELECT id, body, previous_hash, hash FROM \(log.rawValue)"
    }

    static func logEntry(_ row: Row) throws -> ChainedLogEntry {
        ChainedLogEntry(
            id: try row.value("id"), body: try row.value("body"), previousHash: try row.value("previous_hash"), hash: try row.value("hash"))
    }

    /// Takes the write lock and lets it go without writing: proves that a commit could be made.
    public func checkWritable() throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "ROLLBACK")
            }
        } catch {
            throw StoreError.failed(operation: "write check", cause: error, systemError: lastSystemError())
        }
    }

    /// Checkpoints the WAL into the database and truncates it to zero bytes, so that deleted
    /// ciphertext does not linger in old WAL frames (freed database pages are overwritten by
    /// secure_delete). Another process's transaction makes SQLite answer busy: retry for a while.
    public func reclaimDeletedData() throws {
        var attempt = 0
        while true {
            do {
                try pool.writeWithoutTransaction { db in
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
                usleep(UInt32(min(attempt, 10)) * 20_000)
            }
        }
    }

    // MARK: Helpers

    private static let recordQuery = """
        SELECT r.reference, r.status, r.received_at, r.answered_at, r.held_at, r.hold_reason, r.hold_key,
            group_concat(f.field) AS fields
        FROM records r LEFT JOIN sealed_fields f ON f.record_id = r.id
        """

    private static func record(_ row: Row) throws -> StoredRecord {
        let hold: Hold? =
            if let heldAt = try row.value("held_at") as Int64?, let reason = try row.value("hold_reason") as String? {
                Hold(reason: reason, since: date(heldAt), keyID: (try row.value("hold_key") as Int64?).flatMap { UInt32(exactly: $0) })
            } else {
                nil
            }
        let fields = ((try row.value("fields") as String?) ?? "").split(separator: ",").compactMap { RecordField(rawValue: String($0)) }
        guard let status = RecordStatus(rawValue: try row.value("status")) else { throw StoreError.corrupt("unknown record status") }
        return StoredRecord(
            reference: try reference(try row.value("reference")), status: status, receivedAt: date(try row.value("received_at")),
            answeredAt: (try row.value("answered_at") as Int64?).map(date), hold: hold, fields: Set(fields))
    }

    private static func recordID(_ db: Database, _ reference: Reference) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM records WHERE reference = ?", arguments: [reference.text]) else {
            throw StoreError.notFound(reference)
        }
        return id
    }

    private static func reference(_ text: String) throws -> Reference {
        guard let reference = Reference(parsing: text) else { throw StoreError.corrupt("a stored reference fails its check") }
        return reference
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Runs a write transaction, turning SQLite's errors into the store's; an error the body
    /// throws itself (a chain that does not match its anchor) passes through unchanged.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw StoreError.failed(operation: "write", cause: error, systemError: lastSystemError())
        }
    }

    /// What the operating system said to the writer connection's last failed call (sqlite3_system_errno):
    /// SQLite calls a full disk and a read-only file system both an I/O error.
    private func lastSystemError() -> Int32? {
        let code = try? pool.writeWithoutTransaction { db in db.sqliteConnection.map(sqlite3_system_errno) }
        return code.flatMap { $0 == 0 ? nil : $0 }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.failed(operation: "read", cause: error)
        }
    }
}
