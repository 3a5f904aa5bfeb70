// The options of commands that open sealed data or change the master key.
import ArgumentParser

struct PrivateKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("private-key-dir"),
        help: ArgumentHelp("Where the master private key lives (env INBOX_PRIVATE_KEY_DIR, default DATA_DIR/private).", valueName: "dir"))
    var privateKeyDirectory: String?

    @Option(
        name: .customLong("passphrase-file"),
        help: ArgumentHelp(
            "Read the passphrase from the first line of this file, as `openssl -passin file:` does (env INBOX_PASSPHRASE_FILE). Without it the passphrase is asked on the terminal.",
            valueName: "file"))
    var passphraseFile: String?
}
