// `inbox spam REF`: move an open case to the spam queue. Nothing is deleted now: spam is a public
// record too, kept sealed until the policy's `[spam]` rule destroys it.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxStore

struct SpamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spam",
        abstract: "Move an open case to the spam queue (audited); the policy's [spam] rule deletes it later. No passphrase needed."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let queue = SpamQueue(store: store, audit: environment.auditLog(store), policy: environment.policy.policy)
            let deletedBy = try await queue.markSpam(reference)
            let when = deletedBy.map { "the policy deletes it from \($0.formatted(.iso8601)) on" } ?? "the fields' own rules apply to it"
            print("\(reference) is spam: \(when), unless `inbox not-spam \(reference)` opens it again first.")
        }
    }
}
