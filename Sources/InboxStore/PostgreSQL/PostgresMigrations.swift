import Foundation
// The PostgreSQL schema, as named, ordered migrations. A migration that has shipped is never
// edited: change the schema with a new one. `inbox database migrate` (and `inbox keys init`) apply
// them as the schema's owner; every other process only checks that the database has exactly the
// migrations it knows, and names the command that fixes a difference.
import Logging
import PostgresNIO

enum PostgresMigrations {
    struct Migration {
        let name: String
        let statements: [String]
    }

    static let all: [Migration] = [
        Migration(
            name: "v1 records, sealed fields, email index, drafts, audit and purge logs",
            statements: [
                // Nothing in `records` is personal data. The id comes from the table's identity
                // sequence, which the intake role reads back with currval(): it may not SELECT.
                """
                CREATE TABLE records (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    reference text NOT NULL UNIQUE,
                    status text NOT NULL CHECK (status IN ('open', 'answered')),
                    received_at timestamptz NOT NULL,
                    answered_at timestamptz,
                    held_at timestamptz,
                    hold_reason text,
                    hold_key bigint CHECK (hold_key IS NULL OR held_at IS NOT NULL),
                    CHECK ((held_at IS NULL) = (hold_reason IS NULL)),
                    CHECK ((status = 'answered') = (answered_at IS NOT NULL))
                )
                """,
                // Each field carries copies of its record's event times, so that the purge's range
                // scans touch only fields still present: O(expired), not O(history).
                """
                CREATE TABLE sealed_fields (
                    record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                    field text NOT NULL CHECK (field IN ('email', 'question', 'answer')),
                    sealed bytea NOT NULL,
                    received_at timestamptz NOT NULL,
                    answered_at timestamptz,
                    PRIMARY KEY (record_id, field)
                )
                """,
                "CREATE INDEX sealed_fields_received_at ON sealed_fields (field, received_at)",
                "CREATE INDEX sealed_fields_answered_at ON sealed_fields (field, answered_at) WHERE answered_at IS NOT NULL",
                """
                CREATE TABLE email_index (
                    hmac bytea NOT NULL,
                    epoch bigint NOT NULL,
                    record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                    PRIMARY KEY (hmac, record_id)
                )
                """,
                "CREATE INDEX email_index_record ON email_index (record_id)",
                """
                CREATE TABLE answer_drafts (
                    record_id bigint PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
                    sealed bytea NOT NULL,
                    saved_at timestamptz NOT NULL
                )
                """,
                // Ids are never given twice (an identity sequence does not go back); every time that
                // matters is inside the hashed body.
                """
                CREATE TABLE audit_log (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    body bytea NOT NULL,
                    previous_hash bytea NOT NULL,
                    hash bytea NOT NULL
                )
                """,
                """
                CREATE TABLE purge_log (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    body bytea NOT NULL,
                    previous_hash bytea NOT NULL,
                    hash bytea NOT NULL
                )
                """,
                // Deleted rows stay as dead tuples until a vacuum: have autovacuum come after a few
                // dozen deletions rather than after a fifth of the table changed.
                "ALTER TABLE sealed_fields SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50)",
                "ALTER TABLE records SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50)",
                "ALTER TABLE email_index SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50)",
                "ALTER TABLE answer_drafts SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50)",
            ])
    ]

    static let table = "inbox_schema_migrations"

    /// The names of the migrations the database has, in the order applied.
    static func applied(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let exists = try await connection.query("SELECT to_regclass(\(table)) IS NOT NULL", logger: logger)
        for try await present in exists.decode(Bool.self) where !present { return [] }
        var names: [String] = []
        let rows = try await connection.query("SELECT name FROM inbox_schema_migrations ORDER BY position", logger: logger)
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}
