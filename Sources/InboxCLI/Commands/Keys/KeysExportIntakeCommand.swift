// `inbox keys export-intake --to DIR`: the intake bundle for intake nodes (KeyDirectory+IntakeBundle):
// the master public key and the current and future epochs' public and index keys, swapped in
// whole over an earlier bundle. A timer on the admin host runs it and copies the result to the
// nodes (deploy/README.md); it needs no passphrase.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCrypto

struct KeysExportIntakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-intake",
        abstract: "Write the intake bundle (public and index keys of the current and future epochs) for intake nodes."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("to"), help: ArgumentHelp("The bundle's directory, replaced whole if it exists.", valueName: "dir"))
    var destination: String

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try SudoRestrictions.refuse(destination, option: "--to", sudo: environment.settings.sudo)
        let epochs = try environment.keys.exportIntakeBundle(to: destination, now: Date())
        print("Wrote the intake bundle to \(destination): epochs \(epochs.map(String.init).joined(separator: ", ")).")
    }
}
