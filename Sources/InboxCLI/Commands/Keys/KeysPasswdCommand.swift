// `inbox keys passwd`: re-encrypt the master private key under a new passphrase.
import ArgumentParser
import InboxConfiguration
import InboxCrypto

struct KeysPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change the passphrase of the master private key; the keys themselves stay the same.",
        discussion: """
            The current passphrase comes from --passphrase-file or the terminal, the new one from \
            --new-passphrase-file or the terminal (typed twice). Copies of the old key file in backups \
            still open with the old passphrase: rotate those backups too.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions

    @Option(
        name: .customLong("new-passphrase-file"),
        help: ArgumentHelp("Read the new passphrase from the first line of this file.", valueName: "file"))
    var newPassphraseFile: String?

    func run() async throws {
        let settings = try InboxEnvironment(common: common, privateKeys: privateKeys).settings
        try SudoRestrictions.refuse(newPassphraseFile, option: "--new-passphrase-file", allowsStandardInput: true, sudo: settings.sudo)
        if settings.passphraseFile == "-" && newPassphraseFile == "-" {
            throw ValidationError("standard input can hold one passphrase: give the old one or the new one another way")
        }
        let hierarchy = settings.keyHierarchy
        let old = try PassphraseReader(file: settings.passphraseFile, purpose: "the master key").existing()
        // Open the key before asking for a new passphrase, so that a mistyped old one is caught first.
        let master = try hierarchy.openMasterKey(passphrase: old)
        let new = try PassphraseReader(file: newPassphraseFile, purpose: "the master key").new()
        try hierarchy.changePassphrase(of: master, to: new)
        print("The passphrase of \(hierarchy.privateKeys.masterKeyPath) has been changed.")
    }
}
