// The store the settings name: the PostgreSQL database of `--database`, or the SQLite file in the
// data directory. A PostgreSQL store's connection pool runs while the caller's work does.
import Foundation
public import InboxStore
public import Logging

extension ConfiguredInbox {
    /// Where the store is, checked (a URL that cannot be used is refused before anything else).
    public enum StoreLocation: Sendable {
        case sqlite(path: String)
        case postgres(PostgresLocation)
    }

    public var storeLocation: StoreLocation {
        get throws {
            guard let url = settings.databaseURL else { return .sqlite(path: databasePath) }
            do {
                return .postgres(try PostgresLocation(url: url))
            } catch {
                throw ConfigurationError("\(error)")
            }
        }
    }

    /// A PostgreSQL store for the settings' database; its pool must be run (`withRunning`, or as a
    /// service).
    public func postgresStore(_ location: PostgresLocation, logger: Logger) throws -> PostgresStore {
        do {
            return PostgresStore(
                configuration: try location.configuration(
                    passwordFile: settings.databasePasswordFile, caFile: settings.databaseCAFile), logger: logger)
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    /// Runs `body` on the store. A SQLite file must exist (`inbox keys init` creates it); a
    /// PostgreSQL schema must be the one this build knows, unless `checkingSchema` is false (the
    /// command that migrates it).
    public func withStore<T>(
        checkingSchema: Bool = true, isolation: isolated (any Actor)? = #isolation, _ body: (any InboxStore) async throws -> T
    ) async throws -> T {
        switch try storeLocation {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError("no database at \(path); create the inbox with `inbox keys init` or pass --data-dir")
            }
            return try await body(try SQLiteStore(path: path))
        case .postgres(let location):
            let store = try postgresStore(location, logger: Self.quietLogger)
            return try await store.withRunning {
                if checkingSchema { try await store.checkSchema() }
                return try await body(store)
            }
        }
    }

    /// postgres-nio logs at debug and trace only; a staff command's output is for people.
    public static var quietLogger: Logger {
        var logger = Logger(label: "contact-inbox.database")
        logger.logLevel = .error
        return logger
    }
}
