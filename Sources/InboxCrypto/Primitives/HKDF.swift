// HKDF-SHA256 (RFC 5869), extract and expand as separate steps, because HPKE labels each one.
import COpenSSL
public import Foundation

public enum HKDF {
    public static let hashByteCount = 32

    /// HKDF-Extract(salt, ikm) = HMAC-SHA256(salt, ikm). An empty salt means HashLen zero bytes.
    public static func extract(salt: some ContiguousBytes, inputKeyMaterial: some ContiguousBytes) throws -> SecretBytes {
        try derive(mode: EVP_KDF_HKDF_MODE_EXTRACT_ONLY, key: inputKeyMaterial, salt: salt, info: [UInt8](), length: hashByteCount)
    }

    /// HKDF-Expand(prk, info, length), at most 255 * 32 bytes.
    public static func expand(pseudorandomKey: some ContiguousBytes, info: some ContiguousBytes, length: Int) throws -> SecretBytes {
        guard length > 0, length <= 255 * hashByteCount else {
            throw CryptoError(.messageLimit, "HKDF-Expand cannot produce \(length) bytes")
        }
        return try derive(mode: EVP_KDF_HKDF_MODE_EXPAND_ONLY, key: pseudorandomKey, salt: [UInt8](), info: info, length: length)
    }

    private static func derive(
        mode: Int32, key: some ContiguousBytes, salt: some ContiguousBytes, info: some ContiguousBytes, length: Int
    ) throws -> SecretBytes {
        guard let context = EVP_KDF_CTX_new(try FetchedAlgorithms.shared.hkdf) else { throw OpenSSL.error("EVP_KDF_CTX_new(HKDF)") }
        defer { EVP_KDF_CTX_free(context) }
        var mode = mode
        return try key.withUnsafeBytes { keyBytes in
            guard keyBytes.count > 0 else { throw CryptoError(.invalidKey, "HKDF needs non-empty key material") }
            return try salt.withUnsafeBytes { saltBytes in
                try info.withUnsafeBytes { infoBytes in
                    var params = [OSSL_PARAM](repeating: OSSL_PARAM(), count: 6)
                    CInbox_HKDF_SHA256_params(
                        &params, &mode, keyBytes.bindMemory(to: UInt8.self).baseAddress, keyBytes.count,
                        saltBytes.bindMemory(to: UInt8.self).baseAddress, saltBytes.count, infoBytes.bindMemory(to: UInt8.self).baseAddress,
                        infoBytes.count)
                    return try SecretBytes(count: length) { buffer in
                        try OpenSSL.check(
                            EVP_KDF_derive(context, buffer.bindMemory(to: UInt8.self).baseAddress, length, params), "EVP_KDF_derive(HKDF)")
                    }
                }
            }
        }
    }
}
