// AES-GCM with additional authenticated data, through OpenSSL's EVP cipher interface.
import COpenSSL
public import Foundation

/// AES-GCM with 12-byte nonces and 16-byte tags, as HPKE uses it (RFC 9180, section 7.3).
public enum AESGCM {
    public enum KeySize: Sendable {
        case bits128, bits256

        public var byteCount: Int { self == .bits128 ? 16 : 32 }

        fileprivate var cipher: OpaquePointer {
            get throws {
                let algorithms = try FetchedAlgorithms.shared
                return self == .bits128 ? algorithms.aes128GCM : algorithms.aes256GCM
            }
        }
    }

    public static let nonceByteCount = 12
    public static let tagByteCount = 16

    /// Encrypts `plaintext` and returns ciphertext || tag.
    public static func seal(
        _ plaintext: some ContiguousBytes, key: SecretBytes, nonce: some ContiguousBytes,
        aad: some ContiguousBytes, keySize: KeySize
    ) throws -> [UInt8] {
        try checkLengths(key: key, nonce: nonce, keySize: keySize)
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSL.error("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }

        try begin(context, key: key, nonce: nonce, keySize: keySize, encrypting: true)
        try authenticate(context, aad: aad)

        return try plaintext.withUnsafeBytes { input in
            guard input.count <= Int(Int32.max) - tagByteCount else {
                throw CryptoError(.messageLimit, "a \(input.count)-byte message is too large to seal")
            }
            var output = [UInt8](repeating: 0, count: input.count + tagByteCount)
            try output.withUnsafeMutableBytes { out in
                guard let outBase = out.baseAddress else { throw CryptoError(.openSSL, "no output buffer for AES-GCM") }
                var written: Int32 = 0
                if input.count > 0 {
                    try OpenSSL.check(
                        CInbox_EVP_CipherUpdate(context, outBase, &written, input.baseAddress, Int32(input.count)), "EVP_EncryptUpdate")
                }
                var finalWritten: Int32 = 0
                try OpenSSL.check(CInbox_EVP_CipherFinal_ex(context, outBase + Int(written), &finalWritten), "EVP_EncryptFinal_ex")
                guard Int(written + finalWritten) == input.count else {
                    throw CryptoError(.openSSL, "AES-GCM wrote \(written + finalWritten) bytes for \(input.count)")
                }
                try OpenSSL.check(
                    EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), outBase + input.count),
                    "EVP_CTRL_GCM_GET_TAG")
            }
            return output
        }
    }

    /// Decrypts ciphertext || tag. A wrong key, nonce, AAD or any changed byte is `.authenticationFailed`.
    public static func open(
        _ sealed: some ContiguousBytes, key: SecretBytes, nonce: some ContiguousBytes,
        aad: some ContiguousBytes, keySize: KeySize
    ) throws -> SecretBytes {
        try checkLengths(key: key, nonce: nonce, keySize: keySize)
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSL.error("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }

        try begin(context, key: key, nonce: nonce, keySize: keySize, encrypting: false)
        try authenticate(context, aad: aad)

        return try sealed.withUnsafeBytes { input in
            guard input.count >= tagByteCount else {
                throw CryptoError(.authenticationFailed, "a sealed message is shorter than its tag")
            }
            let ciphertextCount = input.count - tagByteCount
            guard let inBase = input.baseAddress else { throw CryptoError(.authenticationFailed, "a sealed message is empty") }
            // The tag is set before the final call, which verifies it.
            var tag = [UInt8](input[ciphertextCount...])
            try OpenSSL.check(
                EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &tag),
                "EVP_CTRL_GCM_SET_TAG")
            return try SecretBytes(count: ciphertextCount) { out in
                // SecretBytes always has a base address, even for an empty plaintext.
                guard let outBase = out.baseAddress else { throw CryptoError(.openSSL, "no output buffer for AES-GCM") }
                var written: Int32 = 0
                if ciphertextCount > 0 {
                    try OpenSSL.check(
                        CInbox_EVP_CipherUpdate(context, outBase, &written, inBase, Int32(ciphertextCount)), "EVP_DecryptUpdate")
                }
                var finalWritten: Int32 = 0
                guard CInbox_EVP_CipherFinal_ex(context, outBase + Int(written), &finalWritten) > 0 else {
                    // A tag mismatch is the expected failure here, not a library fault.
                    ERR_clear_error()
                    throw CryptoError(.authenticationFailed, "the sealed message did not authenticate")
                }
            }
        }
    }

    private static func checkLengths(key: SecretBytes, nonce: some ContiguousBytes, keySize: KeySize) throws {
        guard key.count == keySize.byteCount else {
            throw CryptoError(.invalidKey, "AES-GCM key is \(key.count) bytes, expected \(keySize.byteCount)")
        }
        let nonceCount = nonce.withUnsafeBytes { $0.count }
        guard nonceCount == nonceByteCount else {
            throw CryptoError(.invalidKey, "AES-GCM nonce is \(nonceCount) bytes, expected \(nonceByteCount)")
        }
    }

    private static func begin(
        _ context: OpaquePointer, key: SecretBytes, nonce: some ContiguousBytes, keySize: KeySize, encrypting: Bool
    ) throws {
        try OpenSSL.check(
            EVP_CipherInit_ex(context, try keySize.cipher, nil, nil, nil, encrypting ? 1 : 0), "EVP_CipherInit_ex")
        try OpenSSL.check(
            EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil), "EVP_CTRL_GCM_SET_IVLEN")
        try key.withUnsafeBytes { keyBytes in
            try nonce.withUnsafeBytes { nonceBytes in
                try OpenSSL.check(
                    CInbox_EVP_CipherInit_key_iv(context, keyBytes.baseAddress, nonceBytes.baseAddress, encrypting ? 1 : 0),
                    "EVP_CipherInit_ex (key and nonce)")
            }
        }
    }

    private static func authenticate(_ context: OpaquePointer, aad: some ContiguousBytes) throws {
        try aad.withUnsafeBytes { aadBytes in
            guard aadBytes.count > 0 else { return }
            var ignored: Int32 = 0
            try OpenSSL.check(
                CInbox_EVP_CipherUpdate(context, nil, &ignored, aadBytes.baseAddress, Int32(aadBytes.count)),
                "EVP_CipherUpdate (AAD)")
        }
    }
}
