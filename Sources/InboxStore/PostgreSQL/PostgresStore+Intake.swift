// The intake node's role on PostgreSQL: what a submission writes, with INSERT and nothing else. The
// record's id is read back with currval() on the identity sequence (USAGE on the sequence), never
// with RETURNING or SELECT, which the intake role does not have. The register entry is written by a
// trigger that runs as the schema's owner (PostgresRegisterSchema): the role has no grant on it.
import Foundation
import InboxCrypto
import PostgresNIO

extension PostgresStore: IntakeStore {
    public func insert(_ submissions: [NewSubmission]) async throws {
        try await transaction("write") { [logger] connection in
            for submission in submissions {
                let received = Self.stored(submission.receivedAt)
                try await connection.query(
                    """
                    INSERT INTO records (reference, status, received_at, spam_at, language, topic, page)
                    VALUES (
                        \(submission.reference.text), \(submission.status.rawValue), \(received), \(submission.isSpam ? received : nil),
                        \(submission.language?.rawValue), \(submission.origin.topic), \(submission.origin.page))
                    """,
                    logger: logger)
                for (field, sealed) in submission.sealedFields.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try await connection.query(
                        """
                        INSERT INTO sealed_fields (record_id, field, sealed, received_at)
                        VALUES (currval('records_id_seq'), \(field.rawValue), \(sealed), \(received))
                        """, logger: logger)
                }
                if let index = submission.emailIndex {
                    try await connection.query(
                        "INSERT INTO email_index (hmac, epoch, record_id) VALUES (\(index.hmac), \(Int64(index.epoch)), currval('records_id_seq'))",
                        logger: logger)
                }
            }
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
