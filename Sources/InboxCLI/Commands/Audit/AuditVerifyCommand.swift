// `inbox audit verify`: checks the audit log and the purge log, each against its chain and its
// anchor; exits non-zero and names the first broken entry.
import ArgumentParser
import InboxConfiguration
import InboxCore

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's and the purge log's hash chains and anchors; exit non-zero and name the first broken entry."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let logs = [
                ("audit log", environment.auditLog(store).chain),
                ("purge log", PurgeLog(store: store, keys: environment.keys).chain),
            ]
            var broken: [String] = []
            for (title, log) in logs {
                switch try await log.verify() {
                case .intact(let count):
                    print("The \(title) is intact: \(count) entr\(count == 1 ? "y" : "ies").")
                case .broken(let id, let reason):
                    broken.append("the \(title) is broken\(id.map { " at entry \($0)" } ?? ""): \(reason)")
                }
            }
            guard broken.isEmpty else { throw CLIError(broken.joined(separator: "\n")) }
        }
    }
}
