// `inbox erase REF | --email ADDR`: erasure on request (GDPR art. 17). Needs no passphrase: it
// deletes sealed bytes it never opens, and finds a person's records through the index keys.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxStore

struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase records now, with every field and index entry, and remember the erasure across restores.",
        discussion:
            "Prints a receipt with the erased references and no personal data. A held record is refused unless --override-hold --reason TEXT."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The record to erase. " + Reference.argumentHelp)) var reference: Reference?
    @Option(help: "Erase every record of the person with this address.") var email: String?
    @Flag(name: .customLong("override-hold"), help: "Erase held records too; needs --reason.") var overrideHold = false
    @Option(help: "Why a hold is overridden (written to the audit log).") var reason: String?

    func validate() throws {
        guard (reference == nil) != (email == nil) else { throw ValidationError("name one record (REF) or one person (--email ADDR)") }
        if overrideHold && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--override-hold needs --reason TEXT: the audit log records why a hold was overridden")
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let references: [Reference] =
                if let email {
                    try await PersonLookup(keys: environment.keys, store: store).references(forEmail: email)
                } else {
                    reference.map { [$0] } ?? []
                }
            guard !references.isEmpty else {
                print("No record holds that address: nothing was erased.")
                return
            }
            let receipt = try await Erasure(store: store, keys: environment.keys, audit: environment.auditLog(store))
                .erase(references, overrideHoldReason: overrideHold ? reason : nil)
            try JSONOutput.print(receipt)
        }
    }
}
