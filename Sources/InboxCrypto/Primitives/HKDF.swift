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
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nil) else { throw OpenSSL.error("EVP_PKEY_CTX_new_id(HKDF)") }
        defer { EVP_PKEY_CTX_free(context) }
        try OpenSSL.check(EVP_PKEY_derive_init(context), "EVP_PKEY_derive_init(HKDF)")
        try OpenSSL.check(EVP_PKEY_CTX_set_hkdf_mode(context, mode), "EVP_PKEY_CTX_set_hkdf_mode")
        try OpenSSL.check(EVP_PKEY_CTX_set_hkdf_md(context, EVP_sha256()), "EVP_PKEY_CTX_set_hkdf_md")
        try key.withUnsafeBytes { bytes in
            guard bytes.count > 0 else { throw CryptoError(.invalidKey, "HKDF needs non-empty key material") }
            try OpenSSL.check(
                EVP_PKEY_CTX_set1_hkdf_key(context, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(bytes.count)),
                "EVP_PKEY_CTX_set1_hkdf_key")
        }
        try salt.withUnsafeBytes { bytes in
            guard bytes.count > 0 else { return }
            try OpenSSL.check(
                EVP_PKEY_CTX_set1_hkdf_salt(context, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(bytes.count)),
                "EVP_PKEY_CTX_set1_hkdf_salt")
        }
        try info.withUnsafeBytes { bytes in
            guard bytes.count > 0 else { return }
            try OpenSSL.check(
                EVP_PKEY_CTX_add1_hkdf_info(context, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(bytes.count)),
                "EVP_PKEY_CTX_add1_hkdf_info")
        }
        return try SecretBytes(count: length) { buffer in
            var written = buffer.count
            try OpenSSL.check(
                EVP_PKEY_derive(context, buffer.bindMemory(to: UInt8.self).baseAddress, &written), "EVP_PKEY_derive(HKDF)")
            guard written == length else {
                throw CryptoError(.openSSL, "HKDF produced \(written) bytes, expected \(length)")
            }
        }
    }
}
