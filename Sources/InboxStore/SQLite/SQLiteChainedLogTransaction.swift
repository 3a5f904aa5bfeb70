// A chained log's rows inside one SQLite write transaction.
import Foundation
import GRDB

struct SQLiteChainedLogTransaction: ChainedLogTransaction {
    let db: Database
    let log: ChainedLogName

    func tail() throws -> ChainedLogEntry? {
        try Row.fetchOne(db, sql: SQLiteStore.logQuery(log) + " ORDER BY id DESC LIMIT 1").map { try SQLiteStore.logEntry($0) }
    }

    func entries() throws -> [ChainedLogEntry] {
        try Row.fetchAll(db, sql: SQLiteStore.logQuery(log) + " ORDER BY id").map { try SQLiteStore.logEntry($0) }
    }

    func insert(body: Data, previousHash: Data, hash: Data) throws -> Int64 {
        // The table name comes from the enum, never from input.
        try db.execute(
            sql: "INSERT INTO \(log.rawValue) (body, previous_hash, hash) VALUES (?, ?, ?)", arguments: [body, previousHash, hash])
        return db.lastInsertedRowID
    }

    func deleteEntries(through id: Int64) throws {
        try db.execute(sql: "DELETE FROM \(log.rawValue) WHERE id <= ?", arguments: [id])
    }
}
