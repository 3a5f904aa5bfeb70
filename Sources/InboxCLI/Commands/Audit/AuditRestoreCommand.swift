// `inbox audit restore --reason TEXT`: after a database restore, the audit and purge logs end
// before the anchors in the key directory, and every command that writes to them refuses, as it
// must for entries removed by someone with write access to the database. An operator who restored
// a backup says so here: each log whose chain still holds from its start is accepted as it ends
// now, the acceptance is kept in its anchor with the reason, and the audit log records it.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxPolicy
import InboxStore

struct AuditRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Accept the audit and purge logs of a restored database as they end now (audited, with a reason)."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Why the logs end earlier than their anchors: which backup was restored, and when.") var reason: String

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--reason must say which backup was restored")
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let now = Date()
            let audit = environment.auditLog(store)
            // A restored database brings back what was erased or released since the backup: both are
            // applied again first, whether or not the logs are then accepted (the intake server, which
            // may only insert, does not; every purge does too).
            let purge = Purge(policy: environment.policy, store: store, keys: environment.keys, audit: audit)
            let reapplied = try await purge.reapplyAfterRestore(at: now)
            print("Erasures applied again: \(reapplied.erased.count); holds released again: \(reapplied.released.count).")
            var accepted: [String] = []
            for (title, log) in [("audit log", audit.chain), ("purge log", PurgeLog(store: store, keys: environment.keys).chain)] {
                if let change = try await log.acceptRestoredEnd(reason: reason, at: now) {
                    let from = change.from.map { "entry \($0)" } ?? "no entry"
                    let to = change.to.map { "entry \($0)" } ?? "no entry"
                    print("The \(title) was anchored at \(from); it is now anchored at \(to), as restored.")
                    if !change.unchecked.isEmpty {
                        // The key directory keeps a checkpoint every few entries; what follows the
                        // last one cannot be checked against it. A person reads it.
                        print("These entries come after the last checkpoint and could not be checked; read them:")
                        for entry in change.unchecked {
                            print("  \(entry.id)  \(TerminalSafeText.render(String(decoding: entry.body, as: UTF8.self)))")
                        }
                    }
                    accepted.append(title)
                } else {
                    print("The \(title) ends at its anchor: nothing to accept.")
                }
            }
            if !accepted.isEmpty {
                try await audit.append(
                    AuditLog.entry(action: .restoreAccepted, reference: nil, purpose: .accountability, reason: reason, at: now))
            }
        }
    }
}
