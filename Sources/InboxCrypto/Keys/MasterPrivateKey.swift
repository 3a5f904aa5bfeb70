// The private half of the staff master key, opened once per command with the passphrase.

public struct MasterPrivateKey: Sendable {
    public let key: X25519PrivateKey

    public init(key: X25519PrivateKey) {
        self.key = key
    }

    /// A new master key.
    public static func generate() throws -> MasterPrivateKey {
        MasterPrivateKey(key: try X25519PrivateKey())
    }

    public var publicKey: MasterPublicKey { MasterPublicKey(key: key.publicKey) }

    /// Opens a sealed epoch private key and checks that it is the private half of `published`, the
    /// public key the server seals with; anything else is a key file that has been tampered with.
    public func open(_ sealed: SealedField, matching published: EpochPublicKey) throws -> EpochPrivateKey {
        let opener = EpochPrivateKey(epoch: published.epoch, field: published.field, key: key)
        let raw = try opener.open(sealed, reference: MasterPublicKey.epochKeyReference, field: published.field)
        let epochKey = EpochPrivateKey(epoch: published.epoch, field: published.field, key: try X25519PrivateKey(rawRepresentation: raw))
        guard epochKey.publicKey == published else {
            throw CryptoError(
                .keyFile, "the sealed \(published.field.rawValue) key of epoch \(published.epoch) does not match its public key")
        }
        return epochKey
    }
}
