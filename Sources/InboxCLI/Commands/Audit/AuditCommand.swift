// `inbox audit`: the log of every opening, answer, export, erasure and hold, and the purge log
// beside it; both are hash-chained and anchored in the key directory.
import ArgumentParser

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or list the audit log of every opening of personal data; accept the logs of a restored database.",
        subcommands: [AuditVerifyCommand.self, AuditListCommand.self, AuditRestoreCommand.self]
    )
}
