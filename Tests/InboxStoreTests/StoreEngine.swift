// The engines the storage contract runs against, each test on a clean, migrated store of its own:
// an SQLite file in a temporary directory, and a fresh database in the throwaway PostgreSQL cluster
// the test command starts (Tests/Support/throwaway-postgres.sh). A new engine joins by adding a
// case here.
import Foundation
import InboxStore
import InboxTestSupport
import Logging
import PostgresNIO
import Testing

struct StoreEngine: CustomTestStringConvertible, Sendable {
    let name: String
    /// Runs `body` on a clean, migrated store, and cleans up after it.
    let run: @Sendable (@Sendable (any InboxStore) async throws -> Void) async throws -> Void

    var testDescription: String { name }

    static let sqlite = StoreEngine(name: "SQLite") { body in
        let directory = try TemporaryDirectory()
        try await body(try SQLiteStore(path: "\(directory.path)/inbox.sqlite"))
        withExtendedLifetime(directory) {}
    }

    static let postgres: StoreEngine? = ThrowawayPostgres.shared.map { cluster in
        StoreEngine(name: "PostgreSQL") { body in try await cluster.withDatabase { store, _ in try await body(store) } }
    }

    static let all: [StoreEngine] = [.sqlite] + (postgres.map { [$0] } ?? [])
}
