// One run of a cached insert, its values bound and the statement stepped through SQLite's C API.
// GRDB's `execute(arguments:)` boxes every value in an existential, binds through one nested
// closure per value and checks the arguments against the statement on every run: about 4 µs of
// the intake's five inserts per submission, more than SQLite's own work on three of them
// (docs/PERFORMANCE.md). GRDB still prepares, caches and finalises the statement.
//
// What bypassing GRDB's execution gives up, none of which the intake uses: GRDB keeps a failed
// statement out of its cache (a reset one is reusable, and is reset again here before binding),
// turns an interrupt into `CancellationError` (here it is a `DatabaseError`, SQLITE_INTERRUPT),
// tracks a transaction SQLite rolled back on its own (here the error ends the transaction, which
// GRDB rolls back), and tells transaction observers and ValueObservation (none in the server).
import Foundation
import GRDB
import GRDBSQLite

struct SQLiteInsertion: ~Copyable {
    /// SQLite copies what it is given with this destructor; GRDB's own constant is internal.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private let statement: Statement
    private let handle: SQLiteStatement
    private var parameter: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement
        self.handle = statement.sqliteStatement
        // GRDB resets a statement before it runs it, not after: one it ran last is not ready to bind.
        sqlite3_reset(handle)
    }

    /// The next parameter; nil binds NULL.
    mutating func bind(_ text: String?) throws {
        parameter += 1
        // withCString reads a native string's own UTF-8 in place; passing the string to the C
        // parameter directly would copy it into a new array first.
        try check(
            text.map { $0.withCString { sqlite3_bind_text(handle, parameter, $0, -1, Self.transient) } }
                ?? sqlite3_bind_null(handle, parameter))
    }

    mutating func bind(_ integer: Int64?) throws {
        parameter += 1
        try check(integer.map { sqlite3_bind_int64(handle, parameter, $0) } ?? sqlite3_bind_null(handle, parameter))
    }

    mutating func bind(_ blob: Data) throws {
        parameter += 1
        let code = blob.withUnsafeBytes { bytes in
            // A zero-length blob still needs a non-NULL pointer, or SQLite binds NULL.
            sqlite3_bind_blob(handle, parameter, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), Self.transient)
        }
        try check(code)
    }

    /// Runs the statement once all its parameters are bound, and resets it for the next run. An
    /// error is GRDB's `DatabaseError`, as the statement run by GRDB would have thrown.
    consuming func run() throws {
        guard parameter == sqlite3_bind_parameter_count(handle) else {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            throw DatabaseError(
                resultCode: .SQLITE_RANGE, message: "\(parameter) values bound of \(sqlite3_bind_parameter_count(handle))",
                sql: statement.sql)
        }
        let code = sqlite3_step(handle)
        // After a failed step, reset returns the same error and leaves the statement ready to run again.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            throw error(code)
        }
    }

    /// GRDB turns SQLite's extended result codes on, so `code` is one (SQLITE_CONSTRAINT_UNIQUE);
    /// the error's `resultCode` is its primary code (SQLITE_CONSTRAINT), as for GRDB's own errors.
    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
