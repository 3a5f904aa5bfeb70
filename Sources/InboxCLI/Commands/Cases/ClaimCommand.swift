// `inbox claim REF`: take a case, so that nobody else answers it. Atomic in the store: of two
// people claiming at once exactly one wins, and the other is told who has it. A case someone else
// holds is taken over only with a reason, which the audit log keeps with the other person's name.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxStore

struct ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Claim a case so that nobody else answers it (audited). No passphrase needed.",
        discussion: """
            A case someone else has claimed is refused and they are named; --take-over --reason TEXT takes it from them, \
            and the audit log records whose claim it ended and why.
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    @OptionGroup var takeOver: TakeOverOptions

    func validate() throws {
        try takeOver.validate()
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let claims = CaseClaims(store: store, audit: environment.auditLog(store))
            switch try await claims.claim(reference, takeOverReason: takeOver.reason) {
            case .claimed: print("You have claimed \(reference).")
            case .alreadyYours: print("\(reference) is already yours.")
            case .tookOver(let other): print("You have taken \(reference) over from \(other); the audit log records why.")
            }
        }
    }
}
