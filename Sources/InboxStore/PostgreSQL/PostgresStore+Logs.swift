// The hash-chained logs on PostgreSQL. Each change is one transaction that first takes the log's
// transaction-scoped advisory lock, so that the tail it reads is the tail it chains to, whichever
// process on whichever host writes at the same moment. An advisory lock needs no privilege on the
// table (a table lock would need UPDATE, which the staff role must not have on a log); someone who
// writes without it is found by the anchor, like any other write behind the log's back.
import Foundation
import InboxCrypto
import PostgresNIO

extension PostgresStore: LogStore {
    public func append(_ append: ChainedAppend) async throws -> AppendedEntries {
        try await transaction("write") { [logger] connection in try await Self.append(append, on: connection, logger: logger) }
    }

    public func removeOldest(
        of log: ChainedLogName, through: @escaping @Sendable ([ChainedLogEntry]) throws -> Int64?
    ) async throws -> [ChainedLogEntry] {
        try await transaction("write") { [logger] connection in
            try await Self.lock(log, on: connection, logger: logger)
            let entries = try await Self.entries(of: log, on: connection, logger: logger)
            guard let last = try through(entries) else { return [] }
            // The table name comes from the enum, never from input.
            try await connection.query("DELETE FROM \(unescaped: log.rawValue) WHERE id <= \(last)", logger: logger)
            return entries.filter { $0.id <= last }
        }
    }

    public func entries(of log: ChainedLogName) async throws -> [ChainedLogEntry] {
        try await read { [logger] connection in try await Self.entries(of: log, on: connection, logger: logger) }
    }

    /// An append inside a transaction already open (its own, or an answer's).
    static func append(_ append: ChainedAppend, on connection: PostgresConnection, logger: Logger) async throws -> AppendedEntries {
        try await lock(append.log, on: connection, logger: logger)
        let tailRows = try await connection.query(
            "SELECT id, body, previous_hash, hash FROM \(unescaped: append.log.rawValue) ORDER BY id DESC LIMIT 1", logger: logger)
        var tail: ChainedLogEntry?
        for try await row in tailRows.decode((Int64, Data, Data, Data).self) { tail = entry(row) }
        var appended: [ChainedLogEntry] = []
        for new in try append.entries(tail) {
            let rows = try await connection.query(
                """
                INSERT INTO \(unescaped: append.log.rawValue) (body, previous_hash, hash)
                VALUES (\(new.body), \(new.previousHash), \(new.hash)) RETURNING id
                """, logger: logger)
            for try await id in rows.decode(Int64.self) {
                appended.append(ChainedLogEntry(id: id, body: new.body, previousHash: new.previousHash, hash: new.hash))
            }
        }
        try append.beforeCommit(tail, appended)
        return AppendedEntries(tail: tail, entries: appended)
    }

    static func lock(_ log: ChainedLogName, on connection: PostgresConnection, logger: Logger) async throws {
        let key = (log == .audit ? PostgresAdvisoryLock.auditLog : .purgeLog).rawValue
        // Read to the end: an error while the lock is taken comes after the row's description.
        for try await _ in try await connection.query("SELECT pg_advisory_xact_lock(\(key))", logger: logger) {}
    }

    static func entries(of log: ChainedLogName, on connection: PostgresConnection, logger: Logger) async throws -> [ChainedLogEntry] {
        let rows = try await connection.query(
            "SELECT id, body, previous_hash, hash FROM \(unescaped: log.rawValue) ORDER BY id", logger: logger)
        var entries: [ChainedLogEntry] = []
        for try await row in rows.decode((Int64, Data, Data, Data).self) { entries.append(entry(row)) }
        return entries
    }

    static func entry(_ row: (Int64, Data, Data, Data)) -> ChainedLogEntry {
        ChainedLogEntry(id: row.0, body: row.1, previousHash: row.2, hash: row.3)
    }
}
