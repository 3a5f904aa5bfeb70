// Single-shot HPKE in base mode (RFC 9180, section 6.1): one message per encapsulation, with a
// fresh ephemeral key every time.
public import Foundation

public enum HPKE {
    /// A sealed message: the encapsulated ephemeral public key and the ciphertext with its tag.
    public struct Sealed: Sendable, Equatable {
        public let enc: [UInt8]
        public let ciphertext: [UInt8]
    }

    /// Seal(pkR, info, aad, pt) with a new ephemeral key generated from OpenSSL's CSPRNG.
    public static func seal(
        _ plaintext: some ContiguousBytes, to recipient: X25519PublicKey, info: some ContiguousBytes,
        aad: some ContiguousBytes, suite: HPKESuite = .x25519SHA256AES256GCM
    ) throws -> Sealed {
        try seal(plaintext, to: recipient, info: info, aad: aad, suite: suite, ephemeral: X25519PrivateKey())
    }

    /// Seal with a caller-chosen ephemeral key: only the RFC 9180 test vectors may use this.
    static func seal(
        _ plaintext: some ContiguousBytes, to recipient: X25519PublicKey, info: some ContiguousBytes,
        aad: some ContiguousBytes, suite: HPKESuite, ephemeral: X25519PrivateKey
    ) throws -> Sealed {
        let (sharedSecret, enc) = try DHKEM.encapsulate(to: recipient, ephemeral: ephemeral)
        var context = try HPKEContext(suite: suite, sharedSecret: sharedSecret, info: info)
        return Sealed(enc: enc, ciphertext: try context.seal(plaintext, aad: aad))
    }

    /// Open(enc, skR, info, aad, ct). Anything that does not authenticate is `.authenticationFailed`.
    public static func open(
        _ sealed: Sealed, recipient: X25519PrivateKey, info: some ContiguousBytes, aad: some ContiguousBytes,
        suite: HPKESuite = .x25519SHA256AES256GCM
    ) throws -> SecretBytes {
        let sharedSecret: SecretBytes
        do {
            sharedSecret = try DHKEM.decapsulate(enc: sealed.enc, recipient: recipient)
        } catch let error as CryptoError where error.code == .invalidKey {
            // A corrupted enc can be a low-order point; to the caller it is a field that does not open.
            throw CryptoError(.authenticationFailed, "the encapsulated key is not usable")
        }
        var context = try HPKEContext(suite: suite, sharedSecret: sharedSecret, info: info)
        return try context.open(sealed.ciphertext, aad: aad)
    }
}
