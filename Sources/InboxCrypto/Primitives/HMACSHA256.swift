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
        // A copy of a context made once with SHA-256 set: naming the digest on each new context
        // would look SHA-256 up in OpenSSL's provider store every time.
        guard let context = EVP_MAC_CTX_dup(try FetchedAlgorithms.shared.hmacSHA256Template) else {
            throw OpenSSL.error("EVP_MAC_CTX_dup(HMAC-SHA256)")
        }
        defer { EVP_MAC_CTX_free(context) }
        try OpenSSL.check(CInbox_EVP_MAC_init(context, key.baseAddress, key.count), "EVP_MAC_init")
        for part in parts where part.count > 0 {
            try OpenSSL.check(CInbox_EVP_MAC_update(context, part.baseAddress, part.count), "EVP_MAC_update")
        }
        var written = 0
        try OpenSSL.check(
            CInbox_EVP_MAC_final(context, output.baseAddress, &written, output.count), "EVP_MAC_final")
        guard written == byteCount else { throw CryptoError(.openSSL, "HMAC-SHA256 produced \(written) bytes") }
    }
}
