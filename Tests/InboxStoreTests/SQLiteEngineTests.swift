// What only the SQLite engine promises, beyond the contract.
import GRDB
import Glibc
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

    @Test("what the disk said names a failure only when the failure came from the file system")
    func conditions() {
        func failed(_ code: ResultCode, errno: Int32?) -> StoreError {
            StoreError.failed(operation: "write", cause: DatabaseError(resultCode: code), systemError: errno)
        }
        #expect(failed(.SQLITE_IOERR, errno: EROFS).condition == .readOnly)
        #expect(failed(.SQLITE_IOERR, errno: ENOSPC).condition == .full)
        #expect(failed(.SQLITE_IOERR, errno: EIO).condition == .ioError)
        #expect(failed(.SQLITE_FULL, errno: nil).condition == .full)
        // SQLite keeps the last system error until another replaces it: a lock that timed out
        // after a read-only episode is a lock that timed out.
        #expect(failed(.SQLITE_BUSY, errno: EROFS).condition == .busy)
        #expect(failed(.SQLITE_CONSTRAINT, errno: ENOSPC).condition == .other)
        #expect(failed(.SQLITE_CONSTRAINT, errno: nil).isConstraintViolation)
        #expect(!failed(.SQLITE_BUSY, errno: nil).isConstraintViolation)
        #expect(!StoreError.busy(operation: "write").isConstraintViolation)
    }
}
