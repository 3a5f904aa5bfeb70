// HMAC-SHA256 through EVP_MAC, for the email index (docs/FORMAT.md "Keys"), HKDF and hash chains.
import COpenSSL
public import Foundation

public enum HMACSHA256 {
    public static let byteCount = 32

    public static func authenticationCode(for message: some ContiguousBytes, key: SecretBytes) throws -> [UInt8] {
        try key.withUnsafeBytes { keyBytes in
            try message.withUnsafeBytes { messageBytes in
                var output = [UInt8](repeating: 0, count: byteCount)
                try output.withUnsafeMutableBytes { try authenticate([messageBytes], key: keyBytes, into: $0) }
                return output
            }
        }
    }

    /// HMAC of the concatenation of `parts` under `key`, written into `output` (32 bytes), so that
    /// HKDF can keep every intermediate value in zeroing memory.
    static func authenticate(
        _ parts: [UnsafeRawBufferPointer], key: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws {
        guard key.count > 0 else { throw CryptoError(.invalidKey, "an HMAC key cannot be empty") }
        guard output.count == byteCount else { throw CryptoError(.invalidKey, "an HMAC-SHA256 output is \(byteCount) bytes") }
        try contexts.withContext { context in
            // Initialising with a key starts a new MAC under that key, whatever the context did before.
            try OpenSSL.check(CInbox_EVP_MAC_init(context, key.baseAddress, key.count), "EVP_MAC_init")
            for part in parts where part.count > 0 {
                try OpenSSL.check(CInbox_EVP_MAC_update(context, part.baseAddress, part.count), "EVP_MAC_update")
            }
            var written = 0
            try OpenSSL.check(
                CInbox_EVP_MAC_final(context, output.baseAddress, &written, output.count), "EVP_MAC_final")
            guard written == byteCount else { throw CryptoError(.openSSL, "HMAC-SHA256 produced \(written) bytes") }
            // A kept context would otherwise hold the hash states derived from this key (an HKDF
            // step's key is a secret of one seal) until its next use: keyed again with a constant,
            // it holds nothing of it. (A context that is freed, OpenSSL wipes.)
            try withUnsafeBytes(of: Self.scrubKey) { scrub in
                try OpenSSL.check(CInbox_EVP_MAC_init(context, scrub.baseAddress, scrub.count), "EVP_MAC_init")
            }
        }
    }

    private static let scrubKey: UInt64 = 0

    /// Contexts with SHA-256 set, copied from one made once (naming the digest on each new context
    /// would look SHA-256 up in OpenSSL's provider store every time) and used again
    /// (OpenSSLContextPool): a submission computes eleven MACs, and copying and wiping a context
    /// cost about as much as the MAC.
    private static let contexts = OpenSSLContextPool(
        make: {
            guard let context = EVP_MAC_CTX_dup(try FetchedAlgorithms.shared.hmacSHA256Template) else {
                throw OpenSSL.error("EVP_MAC_CTX_dup(HMAC-SHA256)")
            }
            return context
        },
        free: { EVP_MAC_CTX_free($0) })
}
