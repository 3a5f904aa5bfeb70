// SHA-256 through EVP_Digest, for hash chains (purge log, audit log, suppression list) and the
// policy digest.
import COpenSSL
public import Foundation

public enum SHA256 {
    public static let byteCount = 32

    public static func hash(_ message: some ContiguousBytes) throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        try message.withUnsafeBytes { bytes in
            try OpenSSL.check(EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil), "EVP_Digest(SHA-256)")
        }
        guard length == byteCount else { throw CryptoError(.openSSL, "SHA-256 produced \(length) bytes") }
        return digest
    }
}
