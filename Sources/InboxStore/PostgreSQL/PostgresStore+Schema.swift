// Creating and upgrading the schema (the schema owner's job), and checking it (everyone else's).
import Foundation
import InboxCrypto
import PostgresNIO

extension PostgresStore {
    /// Applies the migrations the database lacks, each in a transaction of its own, under an
    /// advisory lock so that two at once apply each migration once. Returns the names applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await transaction("migrate") { [logger] connection in
            // Read to the end: an error while the lock is taken comes after the row's description.
            for try await _ in try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresAdvisoryLock.migration.rawValue))", logger: logger)
            {}
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS inbox_schema_migrations (
                    position integer PRIMARY KEY, name text NOT NULL UNIQUE, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let applied = try await PostgresMigrations.applied(connection, logger: logger)
            guard applied.count <= PostgresMigrations.all.count, Array(PostgresMigrations.all.map(\.name).prefix(applied.count)) == applied
            else { throw StoreError.schema(Self.newerSchema) }
            var done: [String] = []
            for (position, migration) in PostgresMigrations.all.enumerated().dropFirst(applied.count) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO inbox_schema_migrations (position, name) VALUES (\(position + 1), \(migration.name))", logger: logger)
                done.append(migration.name)
            }
            return done
        }
    }

    /// Throws unless the database has exactly the migrations this build knows, saying which command
    /// brings the two together.
    public func checkSchema() async throws {
        let applied = try await read { [logger] connection in try await PostgresMigrations.applied(connection, logger: logger) }
        let known = PostgresMigrations.all.map(\.name)
        if applied == known { return }
        if applied.count < known.count && Array(known.prefix(applied.count)) == applied {
            throw StoreError.schema(
                applied.isEmpty
                    ? "the database has no inbox schema yet; create it with `inbox database migrate` (as the schema's owner)"
                    : "the database schema is older than this build (\(applied.count) of \(known.count) migrations); upgrade it with `inbox database migrate`, then run deploy/postgres/roles.sql again"
            )
        }
        throw StoreError.schema(Self.newerSchema)
    }

    static let newerSchema =
        "the database schema is newer than this build, or not one it knows; install the version of inbox that migrated it"
}
