// The engine for several intake nodes: PostgreSQL through postgres-nio's connection pool. Every
// role of the storage contract is implemented in a file of its own (PostgresStore+Role.swift) with
// the same semantics as SQLite's; the database itself enforces who may do what (deploy/postgres:
// the intake role may only insert).
//
// Times are `timestamptz`, rounded to the millisecond as SQLite keeps them, so that both engines
// give the same deadlines; PostgreSQL's own type keeps them readable to a DBA and range-checked.
// Sealed bytes are `bytea`.
//
// The pool must be running for a query to be answered: the store is a Service, run in the
// server's ServiceGroup or around a command (`withRunning`).
import Foundation
public import Logging
public import PostgresNIO
public import ServiceLifecycle
import Synchronization

public final class PostgresStore: Sendable, Service {
    let client: PostgresClient
    let logger: Logger
    /// How long an operation may wait for a connection: the pool retries a database it cannot
    /// reach for as long as it is asked to, and a citizen or a staff member should hear that it is
    /// unreachable rather than wait. Once it has one, the database's own timeouts bound each
    /// statement and lock wait (`sessionSettings`): an operation under way is never abandoned by
    /// the client, so a commit that happened is never reported as a failure.
    let patience: Duration

    /// Set on every connection: a statement may run 30 s, wait 10 s for a lock (SQLite's busy
    /// timeout), and a transaction left idle by a client that vanished is ended after a minute.
    static let sessionSettings = [
        ("statement_timeout", "30s"), ("lock_timeout", "10s"), ("idle_in_transaction_session_timeout", "60s"),
    ]

    public init(configuration: PostgresClient.Configuration, logger: Logger, patience: Duration = .seconds(15)) {
        self.patience = patience
        var configuration = configuration
        configuration.options.additionalStartupParameters += Self.sessionSettings
        // Each command needs one connection at a time; the server's writer one, its health check
        // another; staff and the purge run elsewhere.
        configuration.options.maximumConnections = 4
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the connection pool until cancelled or shut down.
    public func run() async throws {
        await cancelWhenGracefulShutdown { await self.client.run() }
    }

    /// Runs the pool while `body` runs: what a command does around its work.
    public func withRunning<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self, isolation: isolation) { group in
            group.addTask { await self.client.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// One transaction on a connection of the pool; the database's errors become the store's.
    func transaction<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await withConnection(operation) { [logger] connection in
                try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
            }
        } catch let error as PostgresTransactionError {
            throw Self.storeError(operation, error.closureError ?? error.commitError ?? error.beginError ?? error)
        } catch {
            throw Self.storeError(operation, error)
        }
    }

    /// A read on any connection of the pool.
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await withConnection("read") { connection in try await body(connection) }
        } catch {
            throw Self.storeError("read", error)
        }
    }

    /// Runs `body` on a connection of the pool, giving up with `StoreError.busy` when none could
    /// be had within `patience` (the database is unreachable, or refuses us). Once `body` has its
    /// connection it runs to its end: only the wait for a connection is cut short.
    func withConnection<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let leased = LeaseFlag()
        return try await withThrowingTaskGroup(of: T?.self) { [client, patience] group in
            group.addTask {
                try await client.withConnection { connection in
                    leased.value.store(true, ordering: .releasing)
                    return try await body(connection)
                }
            }
            group.addTask {
                // The caller's cancellation ends the wait for a connection, never an operation that
                // has one: what it did (a commit, or the error that rolled it back) is what the
                // caller hears, so a batch that was stored is not reported as failed.
                try? await Task.sleep(for: patience)
                if leased.value.load(ordering: .acquiring) { return nil }
                try Task.checkCancellation()
                throw StoreError.busy(operation: "\(operation) (no connection to the database within \(patience))")
            }
            while let next = try await group.next() {
                if let result = next {
                    group.cancelAll()
                    return result
                }
            }
            throw CancellationError()
        }
    }

    /// An error the store's callers understand; one a closure threw itself (a chain that does not
    /// match its anchor) passes through unchanged.
    static func storeError(_ operation: String, _ error: any Error) -> any Error {
        if error is PSQLError || error is PostgresDecodingError { return StoreError.failed(operation: operation, cause: error) }
        return error
    }

    /// Rounded to the millisecond, as SQLite keeps times, so that both engines answer alike.
    static func stored(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    static func reference(_ text: String) throws -> Reference {
        guard let reference = Reference(parsing: text) else { throw StoreError.corrupt("a stored reference fails its check") }
        return reference
    }

    static func recordID(_ connection: PostgresConnection, _ reference: Reference, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("SELECT id FROM records WHERE reference = \(reference.text)", logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw StoreError.notFound(reference)
    }
}

extension PostgresStore {
    /// Statements in one transaction, as this store's role (for tests and the operator's checks;
    /// the roles' methods say what the inbox itself runs).
    public func execute(_ statements: PostgresQuery...) async throws {
        try await transaction("write") { [logger] connection in
            // Each statement's rows are read to the end: an error can follow a row's description.
            for statement in statements {
                for try await _ in try await connection.query(statement, logger: logger) {}
            }
        }
    }
}

/// Whether an operation has its connection yet: once it has, its wait can no longer time out.
private final class LeaseFlag: Sendable {
    let value = Atomic<Bool>(false)
}
