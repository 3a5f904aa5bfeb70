// The intake node's role on PostgreSQL: a group commit in one statement, the owner's function
// `intake_insert_submissions` (PostgresIntakeFunction), which the intake role may execute and which
// is all it may do; the register entry comes with each record, by the owner's trigger
// (PostgresRegisterSchema). The statement runs in a transaction of its own, BEGIN and COMMIT: in
// an implicit one the server commits only at the protocol's Sync, after the statement's completion
// may already have reached the client, and a commit that failed there (a PANIC writing the WAL, a
// shutdown) would be acknowledged; COMMIT's completion comes after the commit. Three round trips a
// batch, whatever its size, where each submission used to take four.
import Foundation
import InboxCrypto
import NIOCore
import PostgresNIO

extension PostgresStore: IntakeStore {
    public func insert(_ submissions: [NewSubmission]) async throws {
        guard !submissions.isEmpty else { return }
        let batch = try PostgresIntakeBatch(submissions)
        try await transaction("write") { [logger] connection in
            // A function's result is a row: an error raised while it runs comes after the row's
            // description, so the rows are read to the end, or a refused batch would go on to COMMIT.
            let rows = try await connection.query(
                """
                SELECT intake_insert_submissions(
                    \(batch.references), \(batch.received), \(batch.spam), \(batch.languages), \(batch.topics), \(batch.pages),
                    \(batch.questions), \(batch.emails), \(batch.hmacs), \(batch.epochs))
                """, logger: logger)
            for try await _ in rows {}
        }
    }

    /// A transaction that takes a row lock on nothing and writes nothing: the database answers, is
    /// not read-only, and lets this role call the intake's function (a node started after
    /// `inbox database migrate` and before roles.sql ran again could not). (The intake role may not
    /// lock a table.)
    public func checkWritable() async throws {
        try await transaction("write check") { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT current_setting('transaction_read_only'),
                    has_function_privilege(\(PostgresIntakeFunction.signature), 'EXECUTE')
                """, logger: logger)
            for try await (readOnly, mayInsert) in rows.decode((String, Bool).self) {
                if readOnly == "on" { throw StoreError.failed(operation: "write check", cause: PostgresReadOnly()) }
                if !mayInsert { throw StoreError.failed(operation: "write check", cause: PostgresIntakeNotGranted()) }
            }
        }
    }
}

/// The database takes no writes (a hot standby, or `default_transaction_read_only`).
struct PostgresReadOnly: Error, CustomStringConvertible {
    var description: String { "the database is read-only" }
}

/// The role may not call the intake's function: roles.sql has not run since the migration that
/// made it, or the node connects as another role than `inbox_intake`.
struct PostgresIntakeNotGranted: Error, CustomStringConvertible {
    var description: String { "this database role may not call \(PostgresIntakeFunction.name) (run deploy/postgres/roles.sql again)" }
}
