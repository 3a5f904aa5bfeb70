// X25519 public keys as SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), which `openssl pkey -pubin`
// and every other toolkit reads.
import COpenSSL

enum PublicKeyPEM {
    static func encode(_ key: X25519PublicKey) throws -> [UInt8] {
        try MemoryBIO.writing { bio in
            try OpenSSL.check(PEM_write_bio_PUBKEY(bio, key.evpKey.pointer), "PEM_write_bio_PUBKEY")
        }
    }

    static func decode(_ pem: [UInt8], describing file: String) throws -> X25519PublicKey {
        let evpKey = try MemoryBIO.reading(pem) { bio -> EVPKey in
            guard let key = PEM_read_bio_PUBKEY(bio, nil, nil, nil) else {
                throw OpenSSL.error("reading the public key \(file)", code: .keyFile)
            }
            return EVPKey(taking: key)
        }
        guard EVP_PKEY_get_base_id(evpKey.pointer) == EVP_PKEY_X25519 else {
            throw CryptoError(.keyFile, "\(file) is not an X25519 public key")
        }
        return try X25519PublicKey(publicHalfOf: evpKey)
    }
}
