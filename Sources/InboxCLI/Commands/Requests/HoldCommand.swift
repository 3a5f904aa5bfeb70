// `inbox hold REF --reason TEXT` and `inbox release REF`: keep a record whatever the policy says,
// and let the policy apply again. Both re-seal the record's fields, so both need the passphrase.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxStore

struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Put a record under legal hold: it is kept, re-sealed to the hold keys, until released."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions
    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference
    @Option(help: "Why the record must be kept (a case number, not personal data).") var reason: String

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must say why") }
    }

    func run() async throws {
        try await LegalHoldEnvironment.run(common: common, privateKeys: privateKeys) { holds in
            try await holds.hold(reference, reason: reason)
        }
        print("\(reference) is held: the purge keeps it until `inbox release`.")
    }
}

struct ReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a legal hold: the record is re-sealed to the current epoch and the policy's deadlines apply again."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions
    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    func run() async throws {
        try await LegalHoldEnvironment.run(common: common, privateKeys: privateKeys) { holds in
            try await holds.release(reference)
        }
        print("\(reference) is released: its deadlines run from its events again.")
    }
}

/// One place that opens the master key and the store for the two commands.
enum LegalHoldEnvironment {
    static func run(common: CommonOptions, privateKeys: PrivateKeyOptions, _ body: (LegalHold) async throws -> Void) async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        try await environment.inbox.withStore { store in
            try await body(
                LegalHold(
                    store: store, keys: environment.keyHierarchy, master: try environment.openMasterKey(),
                    audit: environment.auditLog(store)))
        }
    }
}
