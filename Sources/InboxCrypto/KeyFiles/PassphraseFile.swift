// A passphrase read from a file the way `openssl ... -passin file:F` reads it: the first line,
// without its line feed. Reading it the same way is what lets `openssl pkey` open our master key
// with the same file.

public enum PassphraseFile {
    /// OpenSSL's apps read at most 1,023 bytes of the line.
    public static let maximumByteCount = 1023

    public static func read(_ path: String) throws -> SecretBytes {
        let contents: SecretBytes
        do {
            // Read straight into zeroed memory: the file's bytes never sit in an ordinary array.
            contents = try KeyFileSystem.readSecret(path, maximum: 64 * 1024)
        } catch let error as CryptoError where error.code == .keyFile {
            throw CryptoError(.passphraseUnavailable, "cannot read the passphrase file: \(error.message)")
        }
        return try firstLine(of: contents, describing: path)
    }

    /// The passphrase in `contents` (a file's, or standard input's), by the same rules.
    public static func firstLine(of contents: SecretBytes, describing path: String) throws -> SecretBytes {
        try contents.withUnsafeBytes { bytes in
            let line = bytes.prefix { $0 != UInt8(ascii: "\n") }
            guard !line.isEmpty else {
                throw CryptoError(.passphraseUnavailable, "the passphrase file \(path) starts with an empty line")
            }
            guard line.count <= maximumByteCount else {
                throw CryptoError(
                    .passphraseUnavailable, "the passphrase in \(path) is longer than \(maximumByteCount) bytes, which OpenSSL would cut")
            }
            guard !line.contains(0) else {
                throw CryptoError(.passphraseUnavailable, "the passphrase in \(path) contains a NUL byte, which OpenSSL would cut")
            }
            guard line.last != UInt8(ascii: "\r") else {
                throw CryptoError(
                    .passphraseUnavailable,
                    "the passphrase in \(path) ends with a carriage return (a Windows line end), which OpenSSL would keep; "
                        + "remove it, for example with `sed -i 's/\\r$//' \(path)`")
            }
            return SecretBytes(copying: line)
        }
    }
}
