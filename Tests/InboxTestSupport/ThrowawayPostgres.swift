// The throwaway PostgreSQL cluster the test command starts (Tests/Support/throwaway-postgres.sh),
// found through the environment it exports. Each test gets a database of its own, made from
// nothing and dropped afterwards, so that tests neither see each other's rows nor depend on order.
import Foundation
public import InboxStore
import Logging
public import PostgresNIO

public struct ThrowawayPostgres: Sendable {
    /// The cluster's Unix socket (its administrator, `postgres`, is trusted there).
    public let socket: String
    /// Its loopback port, where passwords are asked (SCRAM-SHA-256).
    public let port: Int

    /// The cluster of this test run, or nil when none was started (then `required` says whether
    /// that is an error).
    public static let shared: ThrowawayPostgres? = {
        let environment = ProcessInfo.processInfo.environment
        guard let socket = environment["INBOX_TEST_POSTGRES_SOCKET"], let port = environment["INBOX_TEST_POSTGRES_PORT"].flatMap(Int.init)
        else { return nil }
        return ThrowawayPostgres(socket: socket, port: port)
    }()

    /// The test command always starts one; a run without it must say so rather than pass quietly.
    public static var required: Bool { ProcessInfo.processInfo.environment["INBOX_TEST_POSTGRES_REQUIRED"] == "1" }

    static let logger = Logger(label: "throwaway-postgres")

    /// A configuration for `database` as the administrator, over the socket.
    public func administrator(database: String = "postgres") -> PostgresClient.Configuration {
        PostgresClient.Configuration(unixSocketPath: socket, username: "postgres", password: nil, database: database)
    }

    /// Runs `body` as the administrator on `database`, one connection, no pool.
    public func asAdministrator<T: Sendable>(
        database: String = "postgres", _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                unixSocketPath: socket, username: "postgres", password: nil, database: database),
            id: 1, logger: Self.logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `body` on a store over a fresh database of its own (migrated unless told otherwise),
    /// dropped afterwards; `body` is told the database's name.
    public func withDatabase(
        migrated: Bool = true, _ body: @Sendable (PostgresStore, _ database: String) async throws -> Void
    ) async throws {
        let name = "inbox_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        _ = try await asAdministrator { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Self.logger)
        }
        do {
            let store = PostgresStore(configuration: administrator(database: name), logger: Self.logger)
            try await store.withRunning {
                if migrated { try await store.migrate() }
                try await body(store, name)
            }
        } catch {
            try? await drop(name)
            throw error
        }
        try await drop(name)
    }

    /// The repository's deploy/postgres/roles.sql, run by psql as the administrator on `database`.
    public func installRoles(database: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("deploy/postgres/roles.sql").path
        let directory = URL(fileURLWithPath: socket).deletingLastPathComponent().path
        let result = try runProgram(
            "/usr/bin/psql",
            [
                "--no-psqlrc", "--quiet", "--host", directory, "--port", String(port), "--username", "postgres", "--dbname", database,
                "--file", script,
            ])
        guard result.status == 0 else { throw ThrowawayPostgresError(description: "roles.sql failed: \(result.standardError)") }
    }

    /// A store on `database` as `role` (trusted on the socket, as the administrator is).
    public func store(database: String, role: String) -> PostgresStore {
        PostgresStore(
            configuration: PostgresClient.Configuration(unixSocketPath: socket, username: role, password: nil, database: database),
            logger: Self.logger)
    }

    func drop(_ name: String) async throws {
        _ = try await asAdministrator { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: Self.logger)
        }
    }
}

public struct ThrowawayPostgresError: Error, CustomStringConvertible {
    public let description: String
}
