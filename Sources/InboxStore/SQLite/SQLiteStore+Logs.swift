// The hash-chained logs on SQLite. Each change is one BEGIN IMMEDIATE transaction: the write lock
// is taken before the tail is read, so no other process can append between the read and the insert.
import Foundation
import GRDB
import InboxCrypto

extension SQLiteStore: LogStore {
    public func append(_ append: ChainedAppend) async throws -> AppendedEntries {
        try await write { db in try Self.append(append, in: db) }
    }

    public func removeOldest(
        of log: ChainedLogName, through: @escaping @Sendable ([ChainedLogEntry]) throws -> Int64?
    ) async throws -> [ChainedLogEntry] {
        try await write { db in
            let entries = try Self.entries(of: log, in: db)
            guard let last = try through(entries) else { return [] }
            // The table name comes from the enum, never from input.
            try db.execute(sql: "DELETE FROM \(log.rawValue) WHERE id <= ?", arguments: [last])
            return entries.filter { $0.id <= last }
        }
    }

    public func entries(of log: ChainedLogName) async throws -> [ChainedLogEntry] {
        try await read { db in try Self.entries(of: log, in: db) }
    }

    /// An append inside a transaction already open (its own, or an answer's).
    static func append(_ append: ChainedAppend, in db: Database) throws -> AppendedEntries {
        let tail = try Row.fetchOne(db, sql: logQuery(append.log) + " ORDER BY id DESC LIMIT 1").map(logEntry)
        var appended: [ChainedLogEntry] = []
        for entry in try append.entries(tail) {
            try db.execute(
                sql: "INSERT INTO \(append.log.rawValue) (body, previous_hash, hash) VALUES (?, ?, ?)",
                arguments: [entry.body, entry.previousHash, entry.hash])
            appended.append(ChainedLogEntry(id: db.lastInsertedRowID, body: entry.body, previousHash: entry.previousHash, hash: entry.hash))
        }
        try append.beforeCommit(tail, appended)
        return AppendedEntries(tail: tail, entries: appended)
    }

    static func entries(of log: ChainedLogName, in db: Database) throws -> [ChainedLogEntry] {
        try Row.fetchAll(db, sql: logQuery(log) + " ORDER BY id").map(logEntry)
    }

    /// The table name comes from the enum, never from input.
    static func logQuery(_ log: ChainedLogName) -> String {
        "SELECT id, body, previous_hash, hash FROM \(log.rawValue)"
    }

    static func logEntry(_ row: Row) throws -> ChainedLogEntry {
        ChainedLogEntry(
            id: try row.value("id"), body: try row.value("body"), previousHash: try row.value("previous_hash"), hash: try row.value("hash"))
    }
}
