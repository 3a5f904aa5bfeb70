// HMAC-SHA256 through EVP_MAC, for the email index (DESIGN.md "Keys") and hash chains.
import COpenSSL
public import Foundation

public enum HMACSHA256 {
    public static let byteCount = 32

    public static func authenticationCode(for message: some ContiguousBytes, key: SecretBytes) throws -> [UInt8] {
        guard let context = EVP_MAC_CTX_dup(try FetchedAlgorithms.shared.hmacSHA256Template) else {
            throw OpenSSL.error("EVP_MAC_CTX_dup(HMAC-SHA256)")
        }
        defer { EVP_MAC_CTX_free(context) }

        try key.withUnsafeBytes { keyBytes in
            guard keyBytes.count > 0 else { throw CryptoError(.invalidKey, "an HMAC key cannot be empty") }
            try OpenSSL.check(EVP_MAC_init(context, keyBytes.bindMemory(to: UInt8.self).baseAddress, keyBytes.count, nil), "EVP_MAC_init")
        }
        try message.withUnsafeBytes { bytes in
            guard bytes.count > 0 else { return }
            try OpenSSL.check(EVP_MAC_update(context, bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count), "EVP_MAC_update")
        }
        var output = [UInt8](repeating: 0, count: byteCount)
        var written = 0
        try OpenSSL.check(EVP_MAC_final(context, &output, &written, output.count), "EVP_MAC_final")
        guard written == byteCount else { throw CryptoError(.openSSL, "HMAC-SHA256 produced \(written) bytes") }
        return output
    }
}
