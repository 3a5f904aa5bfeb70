// The register on SQLite: one entry per case, with no personal data, kept by the policy's
// `[register]` rule after the case's record and fields are gone. The intake writes an entry with
// each record it inserts (SQLiteStore+Intake.swift, the only code that inserts records), in the
// same transaction; triggers keep it in step afterwards, so that no staff command that changes a
// case can forget it: its outcome follows the record's status, and the first reply to the citizen
// (an interim reply, the answer, or the message of a forward) is kept once. Erasure and the purge's
// deletion of the record are written by the store itself: they carry the time, which no trigger
// knows. (An AFTER INSERT trigger wrote the entry at first: measured, SQLite's trigger program cost
// the intake about 30 µs of CPU per submission, the statement itself about 8.)

enum SQLiteRegisterSchema {
    static let create = """
        CREATE TABLE case_register (
            reference TEXT PRIMARY KEY,
            received_at INTEGER NOT NULL,
            language TEXT,
            topic TEXT,
            page TEXT,
            outcome TEXT NOT NULL CHECK (outcome IN ('open', 'answered', 'closed', 'spam')),
            close_reason TEXT,
            ended_at INTEGER,
            first_reply_at INTEGER,
            erased_at INTEGER,
            deleted_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX case_register_received_at ON case_register (received_at);
        """

    /// The entry of a record just inserted (the intake's statement).
    static let insertEntry = """
        INSERT INTO case_register (reference, received_at, language, topic, page, outcome, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    static let triggers = """
        CREATE TRIGGER case_register_status AFTER UPDATE OF status ON records WHEN NEW.status IS NOT OLD.status BEGIN
            UPDATE case_register SET outcome = NEW.status, close_reason = NEW.close_reason,
                ended_at = COALESCE(NEW.answered_at, NEW.closed_at, NEW.spam_at),
                first_reply_at = COALESCE(first_reply_at, NEW.answered_at)
            WHERE reference = NEW.reference;
        END;
        CREATE TRIGGER case_register_reply AFTER INSERT ON sealed_fields WHEN NEW.field = 'answer' BEGIN
            UPDATE case_register SET first_reply_at = COALESCE(first_reply_at, NEW.answered_at, NEW.closed_at)
            WHERE reference = (SELECT reference FROM records WHERE id = NEW.record_id);
        END;
        CREATE TRIGGER case_register_interim AFTER INSERT ON case_notes WHEN NEW.kind = 'interim' BEGIN
            UPDATE case_register SET first_reply_at = COALESCE(first_reply_at, NEW.written_at)
            WHERE reference = (SELECT reference FROM records WHERE id = NEW.record_id);
        END;
        """
}
