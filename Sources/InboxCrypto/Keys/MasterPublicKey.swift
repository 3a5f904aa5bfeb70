// The public half of the staff master key. It seals epoch private keys, so that creating epochs
// never needs the passphrase (docs/FORMAT.md "The key files").

public struct MasterPublicKey: Sendable, Equatable {
    /// The reference bound into the AAD of a sealed epoch private key.
    public static let epochKeyReference = "epoch-key"

    public let key: X25519PublicKey

    public init(key: X25519PublicKey) {
        self.key = key
    }

    /// Seals the raw private half of an epoch key in the sealed-field format: reference
    /// `epoch-key`, the field it serves, its epoch in the header.
    public func seal(_ epochKey: EpochPrivateKey) throws -> SealedField {
        let sealer = EpochPublicKey(epoch: epochKey.epoch, field: epochKey.field, key: key)
        return try sealer.seal(epochKey.key.rawRepresentation(), reference: Self.epochKeyReference)
    }
}
