// `inbox database migrate`: applies the migrations the database lacks. For PostgreSQL it runs as
// the schema's owner, before deploy/postgres/roles.sql grants each role its part; the intake
// server and the other commands refuse a schema older or newer than they know, and name this
// command. The SQLite file is migrated whenever it is opened; this says where it stands.
import ArgumentParser
import InboxConfiguration
import InboxStore

struct DatabaseMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the schema migrations the database lacks (PostgreSQL: as the schema's owner)."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        switch try environment.inbox.storeLocation {
        case .sqlite(let path):
            _ = try SQLiteStore(path: path)
            print("The SQLite database \(path) is up to date (it is migrated whenever it is opened).")
        case .postgres(let location):
            let store = try environment.inbox.postgresStore(location, logger: ConfiguredInbox.quietLogger)
            let applied = try await store.withRunning { try await store.migrate() }
            if applied.isEmpty {
                print("The database \(location.database) is up to date.")
            } else {
                print("Applied to \(location.database):")
                for name in applied { print("  \(name)") }
                print("Run deploy/postgres/roles.sql as a superuser now, so that each role has its part of the new schema.")
            }
        }
    }
}
