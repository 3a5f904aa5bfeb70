// `inbox audit list`: the audit log, oldest first.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxPolicy

struct AuditListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the audit log, oldest first.")

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("json"), help: "Print one JSON array.") var json = false

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        let entries = try await environment.inbox.withStore { store in try await environment.auditLog(store).entries() }
        if json {
            try JSONOutput.print(entries.map(\.entry))
            return
        }
        for (id, entry) in entries {
            print(Self.line(id: id, entry: entry))
        }
    }

    static func line(id: Int64, entry: AuditEntry) -> String {
        let who = entry.claimedBy.map { "\(entry.user) (for \($0))" } ?? entry.user
        let reason = entry.reason.map { "reason: \(TerminalSafeText.render($0))" } ?? ""
        let fields: [String] = [
            String(id), entry.at.formatted(.iso8601), who, entry.action.rawValue, entry.reference ?? "-", entry.purpose?.rawValue ?? "-",
            reason,
        ]
        return fields.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
}
