// `inbox database …`: the store itself, for the operator.
import ArgumentParser

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "Create or upgrade the database's schema.",
        subcommands: [DatabaseMigrateCommand.self]
    )
}
