// `inbox audit`: the log of every opening, answer, export, erasure and hold.
import ArgumentParser
import Foundation
import InboxCore
import InboxCrypto

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or list the audit log of every opening of personal data.",
        subcommands: [AuditVerifyCommand.self, AuditListCommand.self]
    )
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain and its anchor; exit non-zero and name the first broken entry."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        let log = AuditLog(store: try environment.openStore(), keyDirectory: environment.keys.path)
        switch try log.verify() {
        case .intact(let count):
            print("The audit log is intact: \(count) entr\(count == 1 ? "y" : "ies").")
        case .broken(let id, let reason):
            throw CLIError("the audit log is broken\(id.map { " at entry \($0)" } ?? ""): \(reason)")
        }
    }
}

struct AuditListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the audit log, oldest first.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("json"), help: "Print one JSON array.") var json = false

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        let entries = try AuditLog(store: try environment.openStore(), keyDirectory: environment.keys.path).entries()
        if json {
            try JSONOutput.print(entries.map(\.entry))
            return
        }
        for (id, entry) in entries {
            let who = entry.claimedBy.map { "\(entry.user) (for \($0))" } ?? entry.user
            let fields = [
                String(id), entry.at.formatted(.iso8601), who, entry.action, entry.reference ?? "-", entry.purpose ?? "-",
                entry.reason.map { "reason: \(TerminalSafeText.render($0))" } ?? "",
            ]
            print(fields.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }
}
