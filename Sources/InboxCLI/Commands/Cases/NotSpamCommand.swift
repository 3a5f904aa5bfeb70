// `inbox not-spam REF`: open a case from the spam queue again (the trap caught a person, or a
// colleague marked it by mistake). It comes back unclaimed, with its due day from when it arrived.
import ArgumentParser
import InboxConfiguration
import InboxCore
import InboxStore

struct NotSpamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "not-spam",
        abstract: "Move a case from the spam queue back to the open queue (audited). No passphrase needed."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            try await SpamQueue(store: store, audit: environment.auditLog(store), policy: environment.policy.policy).markNotSpam(reference)
            print("\(reference) is open again, unclaimed.")
        }
    }
}
