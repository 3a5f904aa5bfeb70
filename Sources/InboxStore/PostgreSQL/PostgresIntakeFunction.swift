// The intake's one way to write on PostgreSQL since migration v4: a function that inserts a whole
// group commit (each submission's record, sealed fields and index entry), one statement per batch
// instead of four per submission (docs/PERFORMANCE.md, "PostgreSQL: a batch in one statement").
//
// It is SECURITY DEFINER, owned by the schema's owner, and the intake role may only EXECUTE it
// (deploy/postgres/roles.sql): it has no INSERT of its own any more. What the role could do through
// its column grants and row-level security it can do through the function and nothing more: it
// creates new records, open or spam, with the ids their sequence gives, and adds fields and index
// entries to those records alone; the register entry comes with each record from the owner's
// trigger. Its search_path names pg_temp last, as the register's functions do.
//
// postgres-nio sends no NULL inside an array, so what a submission may lack is sent as a value no
// submission can have: an empty language, topic or page (their CHECKs refuse empty text), an empty
// sealed address or index entry (a sealed field has a header).

enum PostgresIntakeFunction {
    static let name = "intake_insert_submissions"
    static let signature =
        "\(name)(text[], timestamptz[], boolean[], text[], text[], text[], bytea[], bytea[], bytea[], bigint[])"

    static let statements: [String] = [
        """
        CREATE FUNCTION \(name)(
            refs text[], received timestamptz[], spam boolean[], languages text[], topics text[], pages text[],
            questions bytea[], emails bytea[], hmacs bytea[], epochs bigint[]
        ) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
        DECLARE
            total integer := coalesce(cardinality(refs), 0);
            new_id bigint;
        BEGIN
            IF total = 0 OR cardinality(received) IS DISTINCT FROM total OR cardinality(spam) IS DISTINCT FROM total
                OR cardinality(languages) IS DISTINCT FROM total OR cardinality(topics) IS DISTINCT FROM total
                OR cardinality(pages) IS DISTINCT FROM total OR cardinality(questions) IS DISTINCT FROM total
                OR cardinality(emails) IS DISTINCT FROM total OR cardinality(hmacs) IS DISTINCT FROM total
                OR cardinality(epochs) IS DISTINCT FROM total THEN
                RAISE EXCEPTION 'a batch of submissions needs one value of each kind per submission' USING ERRCODE = '22023';
            END IF;
            FOR i IN 1 .. total LOOP
                INSERT INTO records (reference, status, received_at, spam_at, language, topic, page)
                VALUES (refs[i], CASE WHEN spam[i] THEN 'spam' ELSE 'open' END, received[i], CASE WHEN spam[i] THEN received[i] END,
                    nullif(languages[i], ''), nullif(topics[i], ''), nullif(pages[i], ''))
                RETURNING id INTO new_id;
                INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (new_id, 'question', questions[i], received[i]);
                IF octet_length(emails[i]) > 0 THEN
                    INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (new_id, 'email', emails[i], received[i]);
                END IF;
                IF octet_length(hmacs[i]) > 0 THEN
                    INSERT INTO email_index (hmac, epoch, record_id) VALUES (hmacs[i], epochs[i], new_id);
                END IF;
            END LOOP;
        END
        $$
        """,
        // Only the roles granted it (roles.sql: the intake) and the owner call it.
        "REVOKE ALL ON FUNCTION \(signature) FROM PUBLIC",
    ]
}
