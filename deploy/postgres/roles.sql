-- Contact Inbox: the database roles, each with the least it needs (docs/STORAGE.md, deploy/README.md).
--
-- Run as a superuser in the inbox's database, after `inbox database migrate`, and again after every
-- migration: it is idempotent, runs as one transaction (the privileges in force change at its
-- commit, all at once, or not at all), and grants on what the schema has now.
--
--     psql --dbname=inbox --file=deploy/postgres/roles.sql
--     psql --dbname=inbox --command='\password inbox_intake'    (and inbox_staff, inbox_purge)
--
-- inbox_intake  the intake nodes: EXECUTE of intake_insert_submissions, the owner's function that
--               inserts a group commit (new records, open or spam, with their sealed fields and
--               index entries), and nothing else. No SELECT, INSERT, UPDATE or DELETE on any table:
--               a node taken over can neither read the ciphertext nor delete a question, and it
--               cannot attach an address to someone else's question (the function adds fields
--               only to the records it creates). Foreign keys are checked with the owner's rights.
-- inbox_staff   the staff commands on the admin host: cases, claims, notes, requests, holds, appends to the audit
--               log (never with an id of its own choosing). It cannot change or remove a log entry.
-- inbox_purge   the purge: the event times, hold markers and ids it plans with, deletion (the register's
--               entries after their own rule), releasing
--               the holds a restored database brought back, its own log, and the audit log's
--               retention. It cannot read a sealed field, an address's index entry, a draft or a note.
--
-- Every role reads the list of applied migrations, so that each process checks the schema it
-- runs against. Advisory locks serialise the logs' appends and the purge: only staff, the purge
-- and the schema's owner may take them, so that a node taken over cannot hold them for ever.

\set ON_ERROR_STOP on
BEGIN;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inbox_intake') THEN CREATE ROLE inbox_intake LOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inbox_staff') THEN CREATE ROLE inbox_staff LOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'inbox_purge') THEN CREATE ROLE inbox_purge LOGIN; END IF;
END
$$;

-- From nothing, every time: a privilege granted by an earlier version and no longer wanted goes.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM inbox_intake, inbox_staff, inbox_purge;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM inbox_intake, inbox_staff, inbox_purge;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM inbox_intake, inbox_staff, inbox_purge;
-- Nobody but the owner creates objects or temporary tables here (clusters upgraded from
-- PostgreSQL 14 or older still grant both to everyone).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$;
GRANT USAGE ON SCHEMA public TO inbox_intake, inbox_staff, inbox_purge;
GRANT SELECT ON inbox_schema_migrations TO inbox_intake, inbox_staff, inbox_purge;

-- Advisory locks: not for everyone.
REVOKE EXECUTE ON FUNCTION
    pg_advisory_lock(bigint), pg_try_advisory_lock(bigint), pg_advisory_xact_lock(bigint), pg_try_advisory_xact_lock(bigint),
    pg_advisory_lock_shared(bigint), pg_try_advisory_lock_shared(bigint), pg_advisory_xact_lock_shared(bigint),
    pg_try_advisory_xact_lock_shared(bigint), pg_advisory_lock(integer, integer), pg_try_advisory_lock(integer, integer),
    pg_advisory_xact_lock(integer, integer), pg_try_advisory_xact_lock(integer, integer)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pg_advisory_xact_lock(bigint), pg_try_advisory_lock(bigint), pg_advisory_unlock(bigint)
    TO inbox_staff, inbox_purge;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION pg_advisory_xact_lock(bigint) TO %I',
        (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()));
END
$$;

-- The intake: one function, which inserts a batch of submissions as the schema's owner (migration
-- v4); the register entry comes with each record from the owner's trigger. No grant on a table.
GRANT EXECUTE ON FUNCTION
    intake_insert_submissions(text[], timestamptz[], boolean[], text[], text[], text[], bytea[], bytea[], bytea[], bigint[])
    TO inbox_intake;

-- Staff: reading and answering, claims, closes and notes, access and erasure requests, holds; the
-- audit log only grows.
GRANT SELECT, UPDATE, DELETE ON records TO inbox_staff;
GRANT SELECT, INSERT, UPDATE, DELETE ON sealed_fields, email_index, answer_drafts, case_notes TO inbox_staff;
GRANT SELECT ON audit_log, purge_log TO inbox_staff;
-- The register is read for the export and the statistics; an erasure marks its entry. Outcomes
-- change only with the case (triggers).
GRANT SELECT ON case_register TO inbox_staff;
GRANT UPDATE (erased_at, deleted_at) ON case_register TO inbox_staff;
GRANT INSERT (body, previous_hash, hash) ON audit_log TO inbox_staff;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO inbox_staff;

-- The purge: times and markers to plan with, deletion, releases of holds after a restore, its own
-- log, and the audit log's retention. Never the `sealed` column, the index's `hmac`, a draft.
GRANT SELECT (id, reference, received_at, answered_at, closed_at, spam_at, held_at, hold_key) ON records TO inbox_purge;
GRANT UPDATE (held_at, hold_reason, hold_key) ON records TO inbox_purge;
GRANT DELETE ON records TO inbox_purge;
GRANT SELECT (record_id, field, received_at, answered_at, closed_at) ON sealed_fields TO inbox_purge;
GRANT DELETE ON sealed_fields TO inbox_purge;
GRANT SELECT (record_id) ON email_index, answer_drafts, case_notes TO inbox_purge;
GRANT DELETE ON email_index, answer_drafts, case_notes TO inbox_purge;
-- An UPDATE needs SELECT on the columns it reads: erasures applied again note theirs with COALESCE.
GRANT SELECT (reference, received_at, erased_at, deleted_at) ON case_register TO inbox_purge;
GRANT UPDATE (erased_at, deleted_at) ON case_register TO inbox_purge;
GRANT DELETE ON case_register TO inbox_purge;
GRANT SELECT ON purge_log TO inbox_purge;
GRANT INSERT (body, previous_hash, hash) ON purge_log TO inbox_purge;
GRANT USAGE ON SEQUENCE purge_log_id_seq TO inbox_purge;
GRANT SELECT, DELETE ON audit_log TO inbox_purge;

-- Row-level security on what the intake adds to a record: only to the record it inserted last in
-- its own session. Since v4 the intake inserts nothing itself (its function runs as the owner, whom
-- these policies do not bind); they stay as a second wall should an INSERT ever be granted to it
-- again. Staff and the purge see and change every row, as their grants say.
ALTER TABLE sealed_fields ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_index ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS intake_own_record ON sealed_fields;
DROP POLICY IF EXISTS intake_own_record ON email_index;
DROP POLICY IF EXISTS every_row ON sealed_fields;
DROP POLICY IF EXISTS every_row ON email_index;
CREATE POLICY intake_own_record ON sealed_fields FOR INSERT TO inbox_intake WITH CHECK (record_id = currval('records_id_seq'));
CREATE POLICY intake_own_record ON email_index FOR INSERT TO inbox_intake WITH CHECK (record_id = currval('records_id_seq'));
CREATE POLICY every_row ON sealed_fields TO inbox_staff, inbox_purge USING (true) WITH CHECK (true);
CREATE POLICY every_row ON email_index TO inbox_staff, inbox_purge USING (true) WITH CHECK (true);

COMMIT;
