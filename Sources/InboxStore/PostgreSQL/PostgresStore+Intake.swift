// The intake node's role on PostgreSQL: a group commit in one statement, the owner's function
// `intake_insert_submissions` (PostgresIntakeFunction), which the intake role may execute and which
// is all it may do; the register entry comes with each record, by the owner's trigger
// (PostgresRegisterSchema). One statement is one transaction: the batch is stored whole or not at
// all, as on SQLite.
import Foundation
import InboxCrypto
import NIOCore
import PostgresNIO

extension PostgresStore: IntakeStore {
    public func insert(_ submissions: [NewSubmission]) async throws {
        guard !submissions.isEmpty else { return }
        let batch = try PostgresIntakeBatch(submissions)
        do {
            try await withConnection("write") { [logger] connection in
                // A function's result is a row: an error raised while it runs comes after the row's
                // description, so the rows are read to the end, or a refused batch would pass.
                let rows = try await connection.query(
                    """
                    SELECT intake_insert_submissions(
                        \(batch.references), \(batch.received), \(batch.spam), \(batch.languages), \(batch.topics), \(batch.pages),
                        \(batch.questions), \(batch.emails), \(batch.hmacs), \(batch.epochs))
                    """, logger: logger)
                for try await _ in rows {}
            }
        } catch {
            throw Self.storeError("write", error)
        }
    }

    /// A transaction that takes a row lock on nothing and writes nothing: the database answers, and
    /// is not read-only. (The intake role may not lock a table.)
    public func checkWritable() async throws {
        try await transaction("write check") { [logger] connection in
            let rows = try await connection.query("SELECT current_setting('transaction_read_only')", logger: logger)
            for try await readOnly in rows.decode(String.self) where readOnly == "on" {
                throw StoreError.failed(operation: "write check", cause: PostgresReadOnly())
            }
        }
    }
}

/// The database takes no writes (a hot standby, or `default_transaction_read_only`).
struct PostgresReadOnly: Error, CustomStringConvertible {
    var description: String { "the database is read-only" }
}
