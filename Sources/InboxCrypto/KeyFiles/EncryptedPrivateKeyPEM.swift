// The master private key as an encrypted PKCS#8 PEM ("BEGIN ENCRYPTED PRIVATE KEY"): PBES2 with
// scrypt (N=2^14, r=8, p=1) and AES-256-CBC, so that `openssl pkey -passin file:F` opens it.
//
// PEM_write_bio_PKCS8PrivateKey would use PBKDF2 with 2,048 iterations; we build the PBES2
// parameters ourselves instead. N=2^15 would exceed OpenSSL 3.0's default 32 MiB scrypt memory
// limit, and neither we nor `openssl pkey` could then read the file.
import COpenSSL

enum EncryptedPrivateKeyPEM {
    /// The scrypt parameters written; 128 * r * N = 16 MiB of memory per attempt.
    static let scryptN: UInt64 = 1 << 14
    static let scryptR: UInt64 = 8
    static let scryptP: UInt64 = 1
    static let saltByteCount = 16

    static func encode(_ key: X25519PrivateKey, passphrase: SecretBytes) throws -> [UInt8] {
        guard let info = EVP_PKEY2PKCS8(key.evpKey.pointer) else { throw OpenSSL.error("EVP_PKEY2PKCS8") }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }

        var salt = try SecureRandom.bytes(count: saltByteCount)
        // A NULL IV asks OpenSSL for a random one.
        let algorithm = PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), &salt, Int32(salt.count), nil, scryptN, scryptR, scryptP)
        guard let algorithm else { throw OpenSSL.error("PKCS5_pbe2_set_scrypt") }

        let encrypted = passphrase.withUnsafeBytes { pass in
            CInbox_PKCS8_set0_pbe(pass.baseAddress, Int32(pass.count), info, algorithm)
        }
        guard let encrypted else {
            // PKCS8_set0_pbe takes the algorithm only on success.
            X509_ALGOR_free(algorithm)
            throw OpenSSL.error("PKCS8_set0_pbe")
        }
        defer { X509_SIG_free(encrypted) }

        return try MemoryBIO.writing { bio in
            try OpenSSL.check(PEM_write_bio_PKCS8(bio, encrypted), "PEM_write_bio_PKCS8")
        }
    }

    static func decode(_ pem: [UInt8], passphrase: SecretBytes, describing file: String) throws -> X25519PrivateKey {
        let encrypted = try MemoryBIO.reading(pem) { bio -> OpaquePointer in
            guard let encrypted = PEM_read_bio_PKCS8(bio, nil, nil, nil) else {
                throw OpenSSL.error("\(file) is not an encrypted PKCS#8 PEM private key;", code: .keyFile)
            }
            return encrypted
        }
        defer { X509_SIG_free(encrypted) }

        let info = passphrase.withUnsafeBytes { pass in
            CInbox_PKCS8_decrypt(encrypted, pass.baseAddress, Int32(pass.count))
        }
        guard let info else {
            throw CryptoError(
                .wrongPassphrase, "the passphrase does not open \(file)", openSSLErrors: OpenSSL.drainErrorQueue())
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }

        guard let key = EVP_PKCS82PKEY(info) else { throw OpenSSL.error("EVP_PKCS82PKEY", code: .keyFile) }
        let evpKey = EVPKey(taking: key)
        guard EVP_PKEY_get_base_id(evpKey.pointer) == EVP_PKEY_X25519 else {
            throw CryptoError(.keyFile, "\(file) does not hold an X25519 key")
        }
        return try X25519PrivateKey(evpKey: evpKey)
    }
}
