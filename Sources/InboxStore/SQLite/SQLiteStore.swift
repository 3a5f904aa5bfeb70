// The embedded default store: one SQLite file in WAL mode with synchronous=FULL (a commit is on
// disk before it returns), secure_delete (freed pages are overwritten) and foreign keys.
import Foundation
import GRDB
import GRDBSQLite
import Glibc
import InboxCrypto

public final class SQLiteStore: Sendable {
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

    // MARK: Helpers

    static let recordQuery = """
        SELECT r.reference, r.status, r.received_at, r.answered_at, r.held_at, r.hold_reason, r.hold_key,
            r.claimed_by, r.claimed_at, r.closed_at, r.close_reason, r.forwarded_to, r.language, r.topic, r.page, r.spam_at,
            group_concat(f.field) AS fields
        FROM records r LEFT JOIN sealed_fields f ON f.record_id = r.id
        """

    static func record(_ row: Row) throws -> StoredRecord {
        let hold: Hold? =
            if let heldAt = try row.value("held_at") as Int64?, let reason = try row.value("hold_reason") as String? {
                Hold(reason: reason, since: date(heldAt), keyID: (try row.value("hold_key") as Int64?).flatMap { UInt32(exactly: $0) })
            } else {
                nil
            }
        let fields = ((try row.value("fields") as String?) ?? "").split(separator: ",").compactMap { RecordField(rawValue: String($0)) }
        guard let status = RecordStatus(rawValue: try row.value("status")) else { throw StoreError.corrupt("unknown record status") }
        let claim: CaseClaim? =
            if let claimant = try row.value("claimed_by") as String?, let since = try row.value("claimed_at") as Int64? {
                CaseClaim(claimant: claimant, since: date(since))
            } else {
                nil
            }
        var closure: CaseClosure? = nil
        if let closedAt = try row.value("closed_at") as Int64?, let reasonText = try row.value("close_reason") as String? {
            guard let reason = CloseReason(rawValue: reasonText) else { throw StoreError.corrupt("unknown close reason") }
            closure = CaseClosure(reason: reason, at: date(closedAt), forwardedTo: try row.value("forwarded_to"))
        }
        return StoredRecord(
            reference: try reference(try row.value("reference")), status: status, receivedAt: date(try row.value("received_at")),
            answeredAt: (try row.value("answered_at") as Int64?).map(date), hold: hold, fields: Set(fields), claim: claim,
            closure: closure, language: (try row.value("language") as String?).flatMap(CaseLanguage.init(rawValue:)),
            topic: try row.value("topic"), page: try row.value("page"), markedSpamAt: (try row.value("spam_at") as Int64?).map(date))
    }

    static func recordID(_ db: Database, _ reference: Reference) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM records WHERE reference = ?", arguments: [reference.text]) else {
            throw StoreError.notFound(reference)
        }
        return id
    }

    static func reference(_ text: String) throws -> Reference {
        guard let reference = Reference(parsing: text) else { throw StoreError.corrupt("a stored reference fails its check") }
        return reference
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE: the write lock is taken before
    /// anything is read) on GRDB's writer, off Swift's cooperative threads. SQLite's errors become
    /// the store's, with what the operating system said to the failing call (sqlite3_system_errno:
    /// SQLite calls a full disk and a read-only file system both an I/O error), read on the same
    /// connection before anything else can use it. An error the body throws itself (a chain that
    /// does not match its anchor) passes through unchanged.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            do {
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            } catch let error as DatabaseError {
                let code = db.sqliteConnection.map(sqlite3_system_errno) ?? 0
                throw StoreError.failed(operation: "write", cause: error, systemError: code == 0 ? nil : code)
            }
            guard let result else { throw StoreError.corrupt("a write transaction ended without a result") }
            return result
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.failed(operation: "read", cause: error)
        }
    }
}
