// `inbox keys`: the master key and the epoch keys.
import ArgumentParser

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create the inbox's keys, list the epoch keys, change the master key's passphrase.",
        subcommands: [KeysInitCommand.self, KeysListCommand.self, KeysPasswdCommand.self, KeysExportIntakeCommand.self]
    )
}
