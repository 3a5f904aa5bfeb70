// `inbox unclaim REF`: give up one's own claim, so that a colleague can take the case.
import ArgumentParser
import InboxConfiguration
import InboxCore
import InboxStore

struct UnclaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unclaim",
        abstract: "Give up your claim on a case (audited). No passphrase needed."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            try await CaseClaims(store: store, audit: environment.auditLog(store)).unclaim(reference)
            print("\(reference) is unclaimed; anyone on the team can claim it.")
        }
    }
}
