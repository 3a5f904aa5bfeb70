// HKDF-SHA256 (RFC 5869), extract and expand as separate steps, because HPKE labels each one.
//
// Built on HMACSHA256 rather than EVP_KDF's HKDF: OpenSSL 3.0 can neither duplicate an HKDF
// context nor take its digest other than by name, so every derivation looked SHA-256 up in the
// provider store under a lock, sixteen times per submission. RFC 5869's test vectors pin the
// result (Tests/InboxCryptoTests/PrimitiveKnownAnswerTests.swift), and so does every HPKE vector.
public import Foundation

public enum HKDF {
    public static let hashByteCount = 32

    /// HKDF-Extract(salt, ikm) = HMAC-SHA256(salt, ikm). An empty salt means HashLen zero bytes.
    public static func extract(salt: some ContiguousBytes, inputKeyMaterial: some ContiguousBytes) throws -> SecretBytes {
        let zeroSalt = [UInt8](repeating: 0, count: hashByteCount)
        return try salt.withUnsafeBytes { saltBytes in
            try inputKeyMaterial.withUnsafeBytes { ikm in
                guard ikm.count > 0 else { throw CryptoError(.invalidKey, "HKDF needs non-empty key material") }
                return try zeroSalt.withUnsafeBytes { zeros in
                    try SecretBytes(count: hashByteCount) { output in
                        try HMACSHA256.authenticate([ikm], key: saltBytes.count > 0 ? saltBytes : zeros, into: output)
                    }
                }
            }
        }
    }

    /// HKDF-Expand(prk, info, length), at most 255 * 32 bytes: T(i) = HMAC(prk, T(i-1) || info || i).
    public static func expand(pseudorandomKey: some ContiguousBytes, info: some ContiguousBytes, length: Int) throws -> SecretBytes {
        guard length > 0, length <= 255 * hashByteCount else {
            throw CryptoError(.messageLimit, "HKDF-Expand cannot produce \(length) bytes")
        }
        return try pseudorandomKey.withUnsafeBytes { prk in
            guard prk.count > 0 else { throw CryptoError(.invalidKey, "HKDF needs a non-empty pseudorandom key") }
            return try info.withUnsafeBytes { infoBytes in
                let blocks = (length + hashByteCount - 1) / hashByteCount
                // All blocks in zeroing memory; the first `length` bytes are the result.
                let stream = try SecretBytes(count: blocks * hashByteCount) { output in
                    var counter: UInt8 = 0
                    for block in 0..<blocks {
                        counter += 1
                        let previous =
                            block == 0
                            ? UnsafeRawBufferPointer(start: nil, count: 0)
                            : UnsafeRawBufferPointer(rebasing: output[((block - 1) * hashByteCount)..<(block * hashByteCount)])
                        try withUnsafeBytes(of: &counter) { counterByte in
                            try HMACSHA256.authenticate(
                                [previous, infoBytes, counterByte], key: prk,
                                into: UnsafeMutableRawBufferPointer(
                                    rebasing: output[(block * hashByteCount)..<((block + 1) * hashByteCount)]))
                        }
                    }
                }
                return stream.count == length ? stream : stream.withUnsafeBytes { SecretBytes(copying: $0.prefix(length)) }
            }
        }
    }
}
