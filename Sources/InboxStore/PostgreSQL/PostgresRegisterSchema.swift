// The register on PostgreSQL (see SQLiteRegisterSchema for what it holds and why triggers keep it).
// The trigger functions are SECURITY DEFINER, owned by the schema's owner: the intake role writes an
// entry by inserting a record and has no grant on the register, so a node taken over cannot write
// entries of its own; staff change an outcome only by changing the case. Their search_path names
// pg_temp last, so that no temporary table can stand in for the register (TEMP is revoked from
// PUBLIC by roles.sql as well).

enum PostgresRegisterSchema {
    static let statements: [String] = [
        """
        CREATE TABLE case_register (
            reference text PRIMARY KEY,
            received_at timestamptz NOT NULL,
            language text,
            topic text,
            page text,
            outcome text NOT NULL CHECK (outcome IN ('open', 'answered', 'closed', 'spam')),
            close_reason text,
            ended_at timestamptz,
            first_reply_at timestamptz,
            erased_at timestamptz,
            deleted_at timestamptz
        )
        """,
        "CREATE INDEX case_register_received_at ON case_register (received_at)",
        """
        CREATE FUNCTION case_register_received() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            INSERT INTO case_register (reference, received_at, language, topic, page, outcome, ended_at)
            VALUES (NEW.reference, NEW.received_at, NEW.language, NEW.topic, NEW.page, NEW.status, NEW.spam_at);
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION case_register_status() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            UPDATE case_register SET outcome = NEW.status, close_reason = NEW.close_reason,
                ended_at = COALESCE(NEW.answered_at, NEW.closed_at, NEW.spam_at),
                first_reply_at = COALESCE(first_reply_at, NEW.answered_at)
            WHERE reference = NEW.reference;
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION case_register_reply() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            UPDATE case_register SET first_reply_at = COALESCE(first_reply_at, NEW.answered_at, NEW.closed_at)
            WHERE reference = (SELECT reference FROM records WHERE id = NEW.record_id);
            RETURN NULL;
        END
        $$
        """,
        """
        CREATE FUNCTION case_register_interim() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        BEGIN
            UPDATE case_register SET first_reply_at = COALESCE(first_reply_at, NEW.written_at)
            WHERE reference = (SELECT reference FROM records WHERE id = NEW.record_id);
            RETURN NULL;
        END
        $$
        """,
        // Nobody but the owner calls them directly; triggers run them whatever the caller's grants.
        "REVOKE ALL ON FUNCTION case_register_received(), case_register_status(), case_register_reply(), case_register_interim() FROM PUBLIC",
        "CREATE TRIGGER case_register_received AFTER INSERT ON records FOR EACH ROW EXECUTE FUNCTION case_register_received()",
        """
        CREATE TRIGGER case_register_status AFTER UPDATE OF status ON records FOR EACH ROW
        WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION case_register_status()
        """,
        """
        CREATE TRIGGER case_register_reply AFTER INSERT ON sealed_fields FOR EACH ROW
        WHEN (NEW.field = 'answer') EXECUTE FUNCTION case_register_reply()
        """,
        """
        CREATE TRIGGER case_register_interim AFTER INSERT ON case_notes FOR EACH ROW
        WHEN (NEW.kind = 'interim') EXECUTE FUNCTION case_register_interim()
        """,
    ]
}
