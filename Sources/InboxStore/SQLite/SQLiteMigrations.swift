// The SQLite schema, as named migrations. A migration that has shipped is never edited: change
// the schema with a new one.
import GRDB

enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 records, sealed fields, email index, audit and purge logs") { db in
            // Times are milliseconds since 1970 UTC. Nothing in `records` is personal data.
            try db.execute(
                sql: """
                    CREATE TABLE records (
                        id INTEGER PRIMARY KEY,
                        reference TEXT NOT NULL UNIQUE,
                        status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
                        received_at INTEGER NOT NULL,
                        answered_at INTEGER,
                        held_at INTEGER,
                        hold_reason TEXT,
                        CHECK ((held_at IS NULL) = (hold_reason IS NULL)),
                        CHECK ((status = 'answered') = (answered_at IS NOT NULL))
                    );
                    CREATE INDEX records_received_at ON records (received_at);
                    CREATE INDEX records_answered_at ON records (answered_at);

                    -- Each field carries copies of its record's event times, so that the purge's
                    -- range scans touch only fields still present: O(expired), not O(history).
                    CREATE TABLE sealed_fields (
                        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                        field TEXT NOT NULL CHECK (field IN ('email', 'question', 'answer')),
                        sealed BLOB NOT NULL,
                        received_at INTEGER NOT NULL,
                        answered_at INTEGER,
                        PRIMARY KEY (record_id, field)
                    ) WITHOUT ROWID;
                    CREATE INDEX sealed_fields_received_at ON sealed_fields (field, received_at);
                    CREATE INDEX sealed_fields_answered_at ON sealed_fields (field, answered_at) WHERE answered_at IS NOT NULL;

                    CREATE TABLE email_index (
                        hmac BLOB NOT NULL,
                        epoch INTEGER NOT NULL,
                        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                        PRIMARY KEY (hmac, record_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX email_index_record ON email_index (record_id);

                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        recorded_at INTEGER NOT NULL,
                        body BLOB NOT NULL,
                        previous_hash BLOB NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE INDEX audit_log_recorded_at ON audit_log (recorded_at);

                    CREATE TABLE purge_log (
                        id INTEGER PRIMARY KEY,
                        recorded_at INTEGER NOT NULL,
                        body BLOB NOT NULL,
                        previous_hash BLOB NOT NULL,
                        hash BLOB NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2 answer drafts") { db in
            // An answer that could not be sent yet, sealed like the answer itself; it goes when the
            // answer is sent, with its record, or with the record's address (nobody to send it to).
            try db.execute(
                sql: """
                    CREATE TABLE answer_drafts (
                        record_id INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
                        sealed BLOB NOT NULL,
                        saved_at INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3 log ids never reused, no time outside the hash; hold keys") { db in
            // AUTOINCREMENT: an id, once used, is never given again, even after the newest entries
            // are deleted. `recorded_at` goes: the time that counts is inside the hashed body, and a
            // column beside it could be changed without breaking the chain.
            for log in ["audit_log", "purge_log"] {
                try db.execute(
                    sql: """
                        CREATE TABLE \(log)_v3 (
                            id INTEGER PRIMARY KEY AUTOINCREMENT,
                            body BLOB NOT NULL,
                            previous_hash BLOB NOT NULL,
                            hash BLOB NOT NULL
                        );
                        INSERT INTO \(log)_v3 (id, body, previous_hash, hash) SELECT id, body, previous_hash, hash FROM \(log) ORDER BY id;
                        DROP TABLE \(log);
                        ALTER TABLE \(log)_v3 RENAME TO \(log);
                        """)
            }
            // The id of a hold's own keys (docs/FORMAT.md); NULL for the shared hold epoch 0 of
            // holds placed before.
            try db.execute(sql: "ALTER TABLE records ADD COLUMN hold_key INTEGER CHECK (hold_key IS NULL OR held_at IS NOT NULL)")
        }
        migrator.registerMigration("v4 cases: claims, closing without an answer, notes and interim replies, the form's language") { db in
            // SQLite cannot change a CHECK constraint: the records table is rebuilt (foreign keys
            // are checked once the migration ends, as GRDB's deferred checks do).
            try db.execute(
                sql: """
                    CREATE TABLE records_v4 (
                        id INTEGER PRIMARY KEY,
                        reference TEXT NOT NULL UNIQUE,
                        status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
                        received_at INTEGER NOT NULL,
                        answered_at INTEGER,
                        closed_at INTEGER,
                        close_reason TEXT CHECK (close_reason IN ('forwarded', 'no-answer-needed')),
                        forwarded_to TEXT,
                        held_at INTEGER,
                        hold_reason TEXT,
                        hold_key INTEGER CHECK (hold_key IS NULL OR held_at IS NOT NULL),
                        claimed_by TEXT,
                        claimed_at INTEGER,
                        language TEXT CHECK (language IN ('sv', 'en')),
                        CHECK ((held_at IS NULL) = (hold_reason IS NULL)),
                        CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
                        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                        CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
                        CHECK ((close_reason IS 'forwarded') = (forwarded_to IS NOT NULL)),
                        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL))
                    );
                    INSERT INTO records_v4 (id, reference, status, received_at, answered_at, held_at, hold_reason, hold_key)
                        SELECT id, reference, status, received_at, answered_at, held_at, hold_reason, hold_key FROM records;
                    DROP TABLE records;
                    ALTER TABLE records_v4 RENAME TO records;
                    CREATE INDEX records_received_at ON records (received_at);
                    CREATE INDEX records_answered_at ON records (answered_at);

                    -- The close time is copied to every field, like the other event times, for the
                    -- purge's range scans on rules that count from it.
                    ALTER TABLE sealed_fields ADD COLUMN closed_at INTEGER;
                    CREATE INDEX sealed_fields_closed_at ON sealed_fields (field, closed_at) WHERE closed_at IS NOT NULL;

                    -- Working and official notes and interim replies, sealed like the answer.
                    CREATE TABLE case_notes (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                        kind TEXT NOT NULL CHECK (kind IN ('working', 'official', 'interim')),
                        author TEXT NOT NULL,
                        written_at INTEGER NOT NULL,
                        sealed BLOB NOT NULL
                    );
                    CREATE INDEX case_notes_record ON case_notes (record_id);
                    """)
        }
        migrator.registerMigration("v5 spam, topics and pages, the register") { db in
            // The records table is rebuilt once more: a new status (`spam`, with the time it became
            // spam) and ids that are never given twice (AUTOINCREMENT), like every other id here.
            try db.execute(
                sql: """
                    CREATE TABLE records_v5 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        reference TEXT NOT NULL UNIQUE,
                        status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed', 'spam')),
                        received_at INTEGER NOT NULL,
                        answered_at INTEGER,
                        closed_at INTEGER,
                        close_reason TEXT CHECK (close_reason IN ('forwarded', 'no-answer-needed')),
                        forwarded_to TEXT,
                        spam_at INTEGER,
                        held_at INTEGER,
                        hold_reason TEXT,
                        hold_key INTEGER CHECK (hold_key IS NULL OR held_at IS NOT NULL),
                        claimed_by TEXT,
                        claimed_at INTEGER,
                        language TEXT CHECK (language IN ('sv', 'en')),
                        -- What the intake checked, checked again: a node taken over writes nothing else here.
                        topic TEXT CHECK (topic IS NULL OR (length(topic) BETWEEN 1 AND 40 AND topic NOT GLOB '*[^a-z0-9-]*'
                            AND substr(topic, 1, 1) <> '-')),
                        page TEXT CHECK (page IS NULL OR (length(page) <= 300 AND substr(page, 1, 1) = '/')),
                        CHECK ((held_at IS NULL) = (hold_reason IS NULL)),
                        CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
                        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                        CHECK ((status = 'spam') = (spam_at IS NOT NULL)),
                        CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
                        CHECK ((close_reason IS 'forwarded') = (forwarded_to IS NOT NULL)),
                        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL))
                    );
                    INSERT INTO records_v5 (id, reference, status, received_at, answered_at, closed_at, close_reason, forwarded_to,
                            held_at, hold_reason, hold_key, claimed_by, claimed_at, language)
                        SELECT id, reference, status, received_at, answered_at, closed_at, close_reason, forwarded_to,
                            held_at, hold_reason, hold_key, claimed_by, claimed_at, language FROM records;
                    DROP TABLE records;
                    ALTER TABLE records_v5 RENAME TO records;
                    CREATE INDEX records_received_at ON records (received_at);
                    CREATE INDEX records_answered_at ON records (answered_at);
                    CREATE INDEX records_spam_at ON records (spam_at) WHERE spam_at IS NOT NULL;
                    """)
            try db.execute(sql: SQLiteRegisterSchema.create)
            // Every case already here gets its entry, as it stands now.
            try db.execute(
                sql: """
                    INSERT INTO case_register (reference, received_at, language, outcome, close_reason, ended_at, first_reply_at)
                    SELECT r.reference, r.received_at, r.language, r.status, r.close_reason, COALESCE(r.answered_at, r.closed_at),
                        (SELECT MIN(t) FROM (
                            SELECT r.answered_at AS t
                            UNION ALL SELECT n.written_at FROM case_notes n WHERE n.record_id = r.id AND n.kind = 'interim'
                            UNION ALL SELECT r.closed_at FROM sealed_fields f WHERE f.record_id = r.id AND f.field = 'answer'
                                AND r.status = 'closed'))
                    FROM records r
                    """)
            try db.execute(sql: SQLiteRegisterSchema.triggers)
        }
        migrator.registerMigration("v6 the intake's tables without overflow pages or IN lists") { db in
            // Two costs the intake paid on every submission, found by profiling it (docs/PERFORMANCE.md):
            //
            // - `sealed_fields` was a WITHOUT ROWID table, whose rows live in an index b-tree and
            //   keep at most 1,004 bytes of a 4,096-byte page in place: every sealed question (about
            //   1.1 KB) spilled into an overflow page of its own, 4 KB in the WAL and again at the
            //   checkpoint per submission. In a rowid table a row of up to 4,061 bytes stays in its
            //   leaf, three or more to a page; the primary key becomes a unique constraint (the same
            //   index, for look-ups and for the answer's upsert).
            // - A CHECK of `x IN (a, b, c)` with more than two values makes SQLite build a temporary
            //   b-tree of the list each time the statement runs: about 1.3 µs for each of the four
            //   inserts of a submission. The same checks are written as comparisons.
            // - `records_answered_at` indexed a time that no query looks up, at the price of an
            //   index entry for every submission: it is not made again.
            //
            // The register's triggers go first and come back last: renaming a table checks every
            // trigger that names it.
            try db.execute(
                sql: """
                    DROP TRIGGER case_register_status;
                    DROP TRIGGER case_register_reply;
                    DROP TRIGGER case_register_interim;

                    CREATE TABLE records_v6 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        reference TEXT NOT NULL UNIQUE,
                        status TEXT NOT NULL CHECK (status = 'open' OR status = 'answered' OR status = 'closed' OR status = 'spam'),
                        received_at INTEGER NOT NULL,
                        answered_at INTEGER,
                        closed_at INTEGER,
                        close_reason TEXT CHECK (close_reason IN ('forwarded', 'no-answer-needed')),
                        forwarded_to TEXT,
                        spam_at INTEGER,
                        held_at INTEGER,
                        hold_reason TEXT,
                        hold_key INTEGER CHECK (hold_key IS NULL OR held_at IS NOT NULL),
                        claimed_by TEXT,
                        claimed_at INTEGER,
                        language TEXT CHECK (language IN ('sv', 'en')),
                        -- What the intake checked, checked again: a node taken over writes nothing else here.
                        topic TEXT CHECK (topic IS NULL OR (length(topic) BETWEEN 1 AND 40 AND topic NOT GLOB '*[^a-z0-9-]*'
                            AND substr(topic, 1, 1) <> '-')),
                        page TEXT CHECK (page IS NULL OR (length(page) <= 300 AND substr(page, 1, 1) = '/')),
                        CHECK ((held_at IS NULL) = (hold_reason IS NULL)),
                        CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
                        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                        CHECK ((status = 'spam') = (spam_at IS NOT NULL)),
                        CHECK ((closed_at IS NULL) = (close_reason IS NULL)),
                        CHECK ((close_reason IS 'forwarded') = (forwarded_to IS NOT NULL)),
                        CHECK ((claimed_by IS NULL) = (claimed_at IS NULL))
                    );
                    INSERT INTO records_v6 SELECT id, reference, status, received_at, answered_at, closed_at, close_reason,
                        forwarded_to, spam_at, held_at, hold_reason, hold_key, claimed_by, claimed_at, language, topic, page
                        FROM records ORDER BY id;
                    -- AUTOINCREMENT's high-water mark moves with the rows: no id is given twice.
                    DELETE FROM sqlite_sequence WHERE name = 'records_v6';
                    INSERT INTO sqlite_sequence (name, seq) SELECT 'records_v6', seq FROM sqlite_sequence WHERE name = 'records';
                    DROP TABLE records;
                    ALTER TABLE records_v6 RENAME TO records;
                    CREATE INDEX records_received_at ON records (received_at);
                    -- Not records_answered_at again: no query reads it (the purge finds answered
                    -- fields by their own copy of the time), and every submission paid for an entry.
                    CREATE INDEX records_spam_at ON records (spam_at) WHERE spam_at IS NOT NULL;

                    CREATE TABLE sealed_fields_v6 (
                        record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
                        field TEXT NOT NULL CHECK (field = 'email' OR field = 'question' OR field = 'answer'),
                        sealed BLOB NOT NULL,
                        received_at INTEGER NOT NULL,
                        answered_at INTEGER,
                        closed_at INTEGER,
                        UNIQUE (record_id, field)
                    );
                    INSERT INTO sealed_fields_v6 (record_id, field, sealed, received_at, answered_at, closed_at)
                        SELECT record_id, field, sealed, received_at, answered_at, closed_at FROM sealed_fields ORDER BY record_id, field;
                    DROP TABLE sealed_fields;
                    ALTER TABLE sealed_fields_v6 RENAME TO sealed_fields;
                    CREATE INDEX sealed_fields_received_at ON sealed_fields (field, received_at);
                    CREATE INDEX sealed_fields_answered_at ON sealed_fields (field, answered_at) WHERE answered_at IS NOT NULL;
                    CREATE INDEX sealed_fields_closed_at ON sealed_fields (field, closed_at) WHERE closed_at IS NOT NULL;

                    CREATE TABLE case_register_v6 (
                        reference TEXT PRIMARY KEY,
                        received_at INTEGER NOT NULL,
                        language TEXT,
                        topic TEXT,
                        page TEXT,
                        outcome TEXT NOT NULL CHECK (outcome = 'open' OR outcome = 'answered' OR outcome = 'closed' OR outcome = 'spam'),
                        close_reason TEXT,
                        ended_at INTEGER,
                        first_reply_at INTEGER,
                        erased_at INTEGER,
                        deleted_at INTEGER
                    ) WITHOUT ROWID;
                    INSERT INTO case_register_v6 SELECT reference, received_at, language, topic, page, outcome, close_reason, ended_at,
                        first_reply_at, erased_at, deleted_at FROM case_register;
                    DROP TABLE case_register;
                    ALTER TABLE case_register_v6 RENAME TO case_register;
                    CREATE INDEX case_register_received_at ON case_register (received_at);
                    """)
            try db.execute(sql: SQLiteRegisterSchema.triggers)
        }
        return migrator
    }
}
