// The root of the staff command `inbox`.
public import ArgumentParser
import Glibc
import InboxCrypto

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
            KeysCommand.self, ListCommand.self, ShowCommand.self, ClaimCommand.self, UnclaimCommand.self, AnswerCommand.self,
            CloseCommand.self, NoteCommand.self, SpamCommand.self, NotSpamCommand.self, DigestCommand.self, MetricsCommand.self,
            RegisterCommand.self, StatsCommand.self, ExportCommand.self, EraseCommand.self,
            HoldCommand.self,
            ReleaseCommand.self,
            PolicyCommand.self,
            PurgeCommand.self, AuditCommand.self, DatabaseCommand.self, EditDraftCommand.self,
        ]
    )

    public init() {}

    /// First thing in `main`: no core dump and no ptrace by other processes of the same user, so
    /// that a passphrase typed or read, the master key and opened fields never leave the process.
    /// A process that cannot be made so stops here.
    public static func hardenProcess() {
        do {
            try ProcessHardening.disableDumping()
        } catch {
            TerminalPrompt.writeStandardError("Error: \(error)\n")
            Glibc.exit(1)
        }
    }
}
