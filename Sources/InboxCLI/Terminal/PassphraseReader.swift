// Where a command's passphrase comes from: a file named by an option or the environment, or else
// the terminal. With neither, a clear error (docs/STAFF.md, README.md "Using `inbox keys`").
import InboxCrypto

struct PassphraseReader {
    /// The file to read, if one was named.
    let file: String?
    /// What the passphrase is for, in prompts.
    let purpose: String

    /// A passphrase that opens an existing key: read once.
    func existing() throws -> SecretBytes {
        if let file { return try Self.read(file) }
        return try TerminalPrompt.readSecret(prompt: "Passphrase for \(purpose): ")
    }

    /// A passphrase file, or with `-` standard input (as a shell opened it, with the person's own
    /// rights: how a passphrase file is given through sudo).
    static func read(_ file: String) throws -> SecretBytes {
        guard file == "-" else { return try PassphraseFile.read(file) }
        let input = try StandardInput.readSecret(maximum: 64 * 1024)
        return try PassphraseFile.firstLine(of: input, describing: "standard input")
    }

    /// A new passphrase: from the file, or typed twice on the terminal.
    func new() throws -> SecretBytes {
        let passphrase: SecretBytes
        if let file {
            passphrase = try Self.read(file)
        } else {
            passphrase = try TerminalPrompt.readSecret(prompt: "New passphrase for \(purpose): ")
            let repeated = try TerminalPrompt.readSecret(prompt: "The same passphrase again: ")
            guard passphrase.constantTimeEquals(repeated) else {
                throw CLIError("the two passphrases differ; nothing was changed")
            }
        }
        try NewPassphrase.validate(passphrase)
        return passphrase
    }
}
