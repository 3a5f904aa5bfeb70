// What only the PostgreSQL engine promises, beyond the contract: the schema is the one this build
// knows, or the engine refuses and names the command that fixes it.
import Foundation
import InboxStore
import InboxTestSupport
import Logging
import PostgresNIO
import Testing

@Suite("PostgreSQL engine", .enabled(if: ThrowawayPostgres.shared != nil || ThrowawayPostgres.required))
struct PostgresEngineTests {
    @Test("the test command's cluster is there: the contract ran on PostgreSQL too")
    func clusterIsThere() throws {
        let cluster = try #require(ThrowawayPostgres.shared, "the test command starts a PostgreSQL cluster; none was found")
        #expect(StoreEngine.all.map(\.name) == ["SQLite", "PostgreSQL"])
        #expect(FileManager.default.fileExists(atPath: cluster.socket))
    }

    @Test("an empty database, an older schema and a newer one are each refused with what to do")
    func schemaChecked() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase(migrated: false) { store, _ in
            let empty = await #expect(throws: StoreError.self) { try await store.checkSchema() }
            #expect(empty?.description.contains("inbox database migrate") == true)
        }
        try await cluster.withDatabase { store, database in
            try await store.checkSchema()
            #expect(try await store.migrate() == [])
            // A migration this build does not know, as a newer build would have left it.
            _ = try await cluster.asAdministrator(database: database) { connection in
                try await connection.query(
                    "INSERT INTO inbox_schema_migrations (position, name) VALUES (99, 'v99 from the future')", logger: Logger(label: "test")
                )
            }
            let newer = await #expect(throws: StoreError.self) { try await store.checkSchema() }
            #expect(newer?.description.contains("newer than this build") == true)
            await #expect(throws: StoreError.self) { try await store.migrate() }
        }
    }

    /// A batch is acknowledged after COMMIT's answer, which comes after the commit. In an implicit
    /// transaction the server commits at the protocol's Sync, once the call's own completion may
    /// already have reached the client: a commit that failed there would pass for stored.
    @Test("a batch whose commit fails is reported failed and leaves nothing")
    func failedCommitIsNotAcknowledged() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase { store, database in
            // A check deferred to the commit, which refuses every record.
            _ = try await cluster.asAdministrator(database: database) { connection in
                let logger = Logger(label: "test")
                try await connection.query(
                    """
                    CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = '23514'; END $$
                    """, logger: logger)
                try await connection.query(
                    """
                    CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON records DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()
                    """, logger: logger)
            }
            let submission = try StoreContract.submission(StoreContract.t0)
            let refused = await #expect(throws: StoreError.self) { try await store.insert([submission]) }
            #expect(refused?.isConstraintViolation == true)
            #expect(try await store.recordCount() == 0)
        }
    }
}
