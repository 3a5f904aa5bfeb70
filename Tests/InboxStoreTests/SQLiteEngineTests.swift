// What only the SQLite engine promises, beyond the contract.
import GRDB
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("SQLite engine")
struct SQLiteEngineTests {
    @Test("SQLite's writer commits with synchronous = FULL, whatever GRDB sets for WAL")
    func synchronousFull() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        #expect(try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }
}
