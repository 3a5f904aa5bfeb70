// The rule a new master-key passphrase must meet. It protects the only key that opens every
// field, against offline guessing of the PEM file.

public enum NewPassphrase {
    public static let minimumCharacterCount = 12

    public static func validate(_ passphrase: SecretBytes) throws {
        // Counted as Unicode scalars (UTF-8 lead bytes), without copying the secret into a String.
        let characterCount = passphrase.withUnsafeBytes { bytes in bytes.count { $0 & 0xC0 != 0x80 } }
        guard characterCount >= minimumCharacterCount else {
            throw CryptoError(
                .passphraseUnavailable,
                "a new passphrase needs at least \(minimumCharacterCount) characters; several unrelated words are easy to type and hard to guess"
            )
        }
        guard passphrase.count <= PassphraseFile.maximumByteCount else {
            throw CryptoError(
                .passphraseUnavailable, "a passphrase longer than \(PassphraseFile.maximumByteCount) bytes cannot be used with OpenSSL")
        }
    }
}
