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
                // sequence, which the intake role read back with currval() until v4 (it may not
                // SELECT); since v4 the intake's function reads it with RETURNING, as the owner.
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
            ]),
        Migration(
            name: "v2 cases: claims, closing without an answer, notes and interim replies, the form's language",
            statements: [
                "ALTER TABLE records DROP CONSTRAINT records_status_check",
                """
                ALTER TABLE records
                    ADD CONSTRAINT records_status_check CHECK (status IN ('open', 'answered', 'closed')),
                    ADD COLUMN closed_at timestamptz,
                    ADD COLUMN close_reason text CHECK (close_reason IN ('forwarded', 'no-answer-needed')),
                    ADD COLUMN forwarded_to text,
                    ADD COLUMN claimed_by text,
                    ADD COLUMN claimed_at timestamptz,
                    ADD COLUMN language text CHECK (language IN ('sv', 'en')),
                    ADD CONSTRAINT records_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                    ADD CONSTRAINT records_closure_check CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
                    ADD CONSTRAINT records_forwarded_check
                        CHECK ((close_reason IS NOT DISTINCT FROM 'forwarded') = (forwarded_to IS NOT NULL)),
                    ADD CONSTRAINT records_claim_check CHECK ((claimed_by IS NULL) = (claimed_at IS NULL))
                """,
                // The close time is copied to every field, like the other event times, for the
                // purge's range scans on rules that count from it.
                "ALTER TABLE sealed_fields ADD COLUMN closed_at timestamptz",
                "CREATE INDEX sealed_fields_closed_at ON sealed_fields (field, closed_at) WHERE closed_at IS NOT NULL",
                // Working and official notes and interim replies, sealed like the answer.
                """
                CREATE TABLE case_notes (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    record_id bigint NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                    kind text NOT NULL CHECK (kind IN ('working', 'official', 'interim')),
                    author text NOT NULL,
                    written_at timestamptz NOT NULL,
                    sealed bytea NOT NULL
                )
                """,
                "CREATE INDEX case_notes_record ON case_notes (record_id)",
                "ALTER TABLE case_notes SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50)",
            ]),
        Migration(
            name: "v3 spam, topics and pages, the register",
            statements: [
                "ALTER TABLE records DROP CONSTRAINT records_status_check",
                """
                ALTER TABLE records
                    ADD CONSTRAINT records_status_check CHECK (status IN ('open', 'answered', 'closed', 'spam')),
                    ADD COLUMN spam_at timestamptz,
                    ADD COLUMN topic text CHECK (topic ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
                    ADD COLUMN page text CHECK (page ~ '^/' AND char_length(page) <= 300 AND page !~ '[[:cntrl:]]'),
                    ADD CONSTRAINT records_spam_check CHECK ((status = 'spam') = (spam_at IS NOT NULL))
                """,
                "CREATE INDEX records_spam_at ON records (spam_at) WHERE spam_at IS NOT NULL",
            ] + PostgresRegisterSchema.statements + [
                // Every case already here gets its entry, as it stands now.
                """
                INSERT INTO case_register (reference, received_at, language, outcome, close_reason, ended_at, first_reply_at)
                SELECT r.reference, r.received_at, r.language, r.status, r.close_reason, COALESCE(r.answered_at, r.closed_at),
                    LEAST(r.answered_at,
                        (SELECT min(n.written_at) FROM case_notes n WHERE n.record_id = r.id AND n.kind = 'interim'),
                        CASE WHEN r.status = 'closed' AND EXISTS (
                            SELECT 1 FROM sealed_fields f WHERE f.record_id = r.id AND f.field = 'answer') THEN r.closed_at END)
                FROM records r
                """,
                "ALTER TABLE case_register SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50)",
            ]),
        Migration(name: "v4 the intake's batch insert", statements: PostgresIntakeFunction.statements),
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
