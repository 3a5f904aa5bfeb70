// An X25519 private key held inside OpenSSL, with key generation, raw import/export and DH.
import COpenSSL

public struct X25519PrivateKey: Sendable {
    public static let byteCount = 32

    let evpKey: EVPKey
    public let publicKey: X25519PublicKey

    /// A new key from OpenSSL's CSPRNG.
    public init() throws {
        try self.init(evpKey: X25519KeyGeneration.generate())
    }

    /// Imports the 32 raw private bytes (RFC 7748 scalar, clamped by OpenSSL when used).
    public init(rawRepresentation: SecretBytes) throws {
        guard rawRepresentation.count == Self.byteCount else {
            throw CryptoError(.invalidKey, "an X25519 private key is \(Self.byteCount) bytes, not \(rawRepresentation.count)")
        }
        let key = rawRepresentation.withUnsafeBytes {
            CInbox_EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, $0.baseAddress, $0.count)
        }
        try self.init(evpKey: EVPKey(taking: OpenSSL.check(key, "EVP_PKEY_new_raw_private_key")))
    }

    /// Wraps an EVP key that is known to hold an X25519 private key.
    init(evpKey: EVPKey) throws {
        guard EVP_PKEY_get_base_id(evpKey.pointer) == EVP_PKEY_X25519 else {
            throw CryptoError(.invalidKey, "the key is not an X25519 key")
        }
        self.evpKey = evpKey
        self.publicKey = try X25519PublicKey(publicHalfOf: evpKey)
    }

    /// The 32 raw private bytes, in zeroing memory.
    public func rawRepresentation() throws -> SecretBytes {
        try SecretBytes(count: Self.byteCount) { buffer in
            var length = buffer.count
            try OpenSSL.check(
                CInbox_EVP_PKEY_get_raw_private_key(evpKey.pointer, buffer.baseAddress, &length),
                "EVP_PKEY_get_raw_private_key")
            guard length == Self.byteCount else {
                throw CryptoError(.invalidKey, "OpenSSL returned a \(length)-byte X25519 private key")
            }
        }
    }

    /// X25519(self, peer). OpenSSL refuses an all-zero result (a low-order peer point), which
    /// RFC 9180 section 7.1.4 requires: that is the check that matters, and it is made on every
    /// agreement. The peer is not "validated" again when it is set: for X25519 that only checks
    /// that the key has a public part, which every `X25519PublicKey` has, and it costs a context of
    /// its own (about 1 µs of a 25 µs agreement).
    public func sharedSecret(with peer: X25519PublicKey) throws -> SecretBytes {
        guard let context = EVP_PKEY_CTX_new(evpKey.pointer, nil) else { throw OpenSSL.error("EVP_PKEY_CTX_new") }
        defer { EVP_PKEY_CTX_free(context) }
        try OpenSSL.check(EVP_PKEY_derive_init(context), "EVP_PKEY_derive_init")
        guard EVP_PKEY_derive_set_peer_ex(context, peer.evpKey.pointer, 0) > 0 else {
            throw OpenSSL.error("EVP_PKEY_derive_set_peer", code: .invalidKey)
        }
        return try SecretBytes(count: Self.byteCount) { buffer in
            var length = buffer.count
            guard CInbox_EVP_PKEY_derive(context, buffer.baseAddress, &length) > 0 else {
                throw OpenSSL.error("X25519 key agreement", code: .invalidKey)
            }
            guard length == Self.byteCount else {
                throw CryptoError(.invalidKey, "X25519 produced \(length) bytes")
            }
        }
    }
}
