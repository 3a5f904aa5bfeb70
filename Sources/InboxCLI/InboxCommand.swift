// The root of the staff command `inbox`.
public import ArgumentParser

public struct InboxCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Read and answer the questions citizens leave in the contact inbox, and look after its keys.",
        discussion: """
            Settings come from the command line, then the environment (INBOX_DATA_DIR, INBOX_KEY_DIR, \
            INBOX_PRIVATE_KEY_DIR, INBOX_POLICY, INBOX_CONFIG, INBOX_PASSPHRASE_FILE), then the \
            configuration file, then the defaults.
            """,
        subcommands: [
            KeysCommand.self, ListCommand.self, ShowCommand.self, AnswerCommand.self, ExportCommand.self, EraseCommand.self,
            HoldCommand.self,
            ReleaseCommand.self, PolicyCommand.self,
            PurgeCommand.self, AuditCommand.self,
        ]
    )

    public init() {}
}
