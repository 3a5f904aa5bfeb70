// DHKEM(X25519, HKDF-SHA256) of RFC 9180, section 4.1: Encap, Decap and DeriveKeyPair.
import Foundation

enum DHKEM {
    static let sharedSecretByteCount = 32
    static let encapsulatedKeyByteCount = X25519PublicKey.byteCount
    private static let kdf = LabeledKDF(suiteID: HPKESuite.kemSuiteID)

    /// Encap(pkR) with the given ephemeral key. Callers outside tests pass a key generated for this
    /// one call: a reused ephemeral key would repeat the AEAD key and nonce.
    static func encapsulate(to recipient: X25519PublicKey, ephemeral: X25519PrivateKey) throws -> (sharedSecret: SecretBytes, enc: [UInt8])
    {
        let dh = try ephemeral.sharedSecret(with: recipient)
        let enc = ephemeral.publicKey.rawRepresentation
        let sharedSecret = try extractAndExpand(dh: dh, kemContext: enc + recipient.rawRepresentation)
        return (sharedSecret, enc)
    }

    /// Decap(enc, skR).
    static func decapsulate(enc: [UInt8], recipient: X25519PrivateKey) throws -> SecretBytes {
        guard enc.count == encapsulatedKeyByteCount else {
            throw CryptoError(.malformedSealedField, "an encapsulated key is \(encapsulatedKeyByteCount) bytes, not \(enc.count)")
        }
        let ephemeralPublic = try X25519PublicKey(rawRepresentation: enc)
        let dh = try recipient.sharedSecret(with: ephemeralPublic)
        return try extractAndExpand(dh: dh, kemContext: enc + recipient.publicKey.rawRepresentation)
    }

    /// DeriveKeyPair(ikm): deterministic keys, used by the RFC 9180 test vectors.
    static func deriveKeyPair(inputKeyMaterial: some ContiguousBytes) throws -> X25519PrivateKey {
        let prk = try kdf.extract(salt: [UInt8](), label: "dkp_prk", inputKeyMaterial: inputKeyMaterial)
        let secretKey = try kdf.expand(pseudorandomKey: prk, label: "sk", info: [UInt8](), length: X25519PrivateKey.byteCount)
        return try X25519PrivateKey(rawRepresentation: secretKey)
    }

    private static func extractAndExpand(dh: SecretBytes, kemContext: [UInt8]) throws -> SecretBytes {
        let prk = try kdf.extract(salt: [UInt8](), label: "eae_prk", inputKeyMaterial: dh)
        return try kdf.expand(pseudorandomKey: prk, label: "shared_secret", info: kemContext, length: sharedSecretByteCount)
    }
}
