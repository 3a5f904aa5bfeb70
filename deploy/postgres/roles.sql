-- Contact Inbox: the database roles, each with the least it needs (docs/STORAGE.md, deploy/README.md).
--
-- Run as a superuser (or the schema's owner with CREATEROLE) in the inbox's database, after
-- `inbox database migrate`, and again after every migration: it is idempotent, and it grants on
-- what the schema has now.
--
--     psql --dbname=inbox --file=deploy/postgres/roles.sql
--     psql --dbname=inbox --command='\password inbox_intake'    (and inbox_staff, inbox_purge)
--
-- inbox_intake  the intake nodes: INSERT of what a submission writes, nothing else. No SELECT,
--               UPDATE or DELETE on any table: a node taken over can neither read the ciphertext
--               nor delete a question. The record's id comes back through currval() on the
--               sequence; foreign keys are checked with the owner's rights.
-- inbox_staff   the staff commands on the admin host: cases, requests, holds, appends to the logs.
--               It cannot remove or change a log entry.
-- inbox_purge   the purge: the event times, hold markers and ids it plans with, deletion, and the
--               logs' retention. It cannot read a sealed field, an address's index entry or a
--               draft, nor change one.
--
-- Every role reads the list of applied migrations, so that each process checks the schema it
-- runs against. Serialising appends to the logs needs no table lock (advisory locks).

\set ON_ERROR_STOP on

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
REVOKE CREATE ON SCHEMA public FROM inbox_intake, inbox_staff, inbox_purge;
GRANT USAGE ON SCHEMA public TO inbox_intake, inbox_staff, inbox_purge;
GRANT SELECT ON inbox_schema_migrations TO inbox_intake, inbox_staff, inbox_purge;

-- The intake: a record, its sealed fields, its address's index entry.
GRANT INSERT (reference, status, received_at) ON records TO inbox_intake;
GRANT INSERT (record_id, field, sealed, received_at) ON sealed_fields TO inbox_intake;
GRANT INSERT (hmac, epoch, record_id) ON email_index TO inbox_intake;
GRANT USAGE ON SEQUENCE records_id_seq TO inbox_intake;

-- Staff: reading and answering, access and erasure requests, holds; the logs only grow.
GRANT SELECT, INSERT, UPDATE, DELETE ON records, sealed_fields, email_index, answer_drafts TO inbox_staff;
GRANT USAGE ON SEQUENCE records_id_seq TO inbox_staff;
GRANT SELECT, INSERT ON audit_log, purge_log TO inbox_staff;
GRANT USAGE ON SEQUENCE audit_log_id_seq, purge_log_id_seq TO inbox_staff;

-- The purge: times and markers to plan with, deletion, releases of holds after a restore, its own
-- log, and the audit log's retention. Never the `sealed` column, the index's `hmac`, a draft.
GRANT SELECT (id, reference, received_at, answered_at, held_at, hold_key) ON records TO inbox_purge;
GRANT UPDATE (held_at, hold_reason, hold_key) ON records TO inbox_purge;
GRANT DELETE ON records TO inbox_purge;
GRANT SELECT (record_id, field, received_at, answered_at) ON sealed_fields TO inbox_purge;
GRANT DELETE ON sealed_fields TO inbox_purge;
GRANT SELECT (record_id) ON email_index, answer_drafts TO inbox_purge;
GRANT DELETE ON email_index, answer_drafts TO inbox_purge;
GRANT SELECT, INSERT ON purge_log TO inbox_purge;
GRANT USAGE ON SEQUENCE purge_log_id_seq TO inbox_purge;
GRANT SELECT, DELETE ON audit_log TO inbox_purge;
