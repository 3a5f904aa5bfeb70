// The one error type of InboxCrypto: a code a caller can switch on, a message a person can act on,
// and the OpenSSL error queue as it stood when the failure happened.

/// An error from the sealing core or its key files.
///
/// Messages never contain key material, passphrases or plaintext; they are safe to log.
public struct CryptoError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that handle cases differently. A struct, not an enum, so that
    /// codes can be added without breaking anyone's `switch`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// An OpenSSL call failed; `openSSLErrors` says why.
        public static let openSSL = Code("openSSL")
        /// A key, nonce or tag had the wrong length, or a public key was not a valid X25519 point.
        public static let invalidKey = Code("invalidKey")
        /// The ciphertext, its tag, the reference or the field name did not authenticate.
        public static let authenticationFailed = Code("authenticationFailed")
        /// Bytes that are not a sealed field of the format in docs/FORMAT.md.
        public static let malformedSealedField = Code("malformedSealedField")
        /// A sealed field of a format version this build does not know.
        public static let unsupportedVersion = Code("unsupportedVersion")
        /// A field sealed in one epoch was offered a key of another epoch.
        public static let epochMismatch = Code("epochMismatch")
        /// A field was offered the key of another field.
        public static let fieldMismatch = Code("fieldMismatch")
        /// The passphrase did not open the master key.
        public static let wrongPassphrase = Code("wrongPassphrase")
        /// No passphrase could be obtained, or the one given is unusable.
        public static let passphraseUnavailable = Code("passphraseUnavailable")
        /// A key file is missing, unreadable or not of the expected kind.
        public static let keyFile = Code("keyFile")
        /// A key file or directory is open to other users.
        public static let insecurePermissions = Code("insecurePermissions")
        /// The request would overwrite an existing inbox or key.
        public static let alreadyExists = Code("alreadyExists")
        /// A message is too large for the suite (HPKE sequence numbers, AES-GCM limits).
        public static let messageLimit = Code("messageLimit")
    }

    public let code: Code
    public let message: String
    /// The OpenSSL error queue, oldest first, as `ERR_error_string_n` renders it.
    public let openSSLErrors: [String]

    public init(_ code: Code, _ message: String, openSSLErrors: [String] = []) {
        self.code = code
        self.message = message
        self.openSSLErrors = openSSLErrors
    }

    public var description: String {
        if openSSLErrors.isEmpty { return message }
        return "\(message) (OpenSSL: \(openSSLErrors.joined(separator: "; ")))"
    }
}
