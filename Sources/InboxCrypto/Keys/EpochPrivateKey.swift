// The private half of an (epoch, field) key: what staff open fields with, after the master key
// has opened it.

public struct EpochPrivateKey: Sendable {
    public let epoch: UInt32
    public let field: RecordField
    public let key: X25519PrivateKey

    public init(epoch: UInt32, field: RecordField, key: X25519PrivateKey) {
        self.epoch = epoch
        self.field = field
        self.key = key
    }

    public var publicKey: EpochPublicKey {
        EpochPublicKey(epoch: epoch, field: field, key: key.publicKey)
    }

    /// Opens `sealed`, which must be the `field` of the record `reference`. A field of another
    /// epoch or another field name is refused before any decryption; a changed byte, reference or
    /// field name fails authentication.
    public func open(_ sealed: SealedField, reference: String, field: RecordField) throws -> SecretBytes {
        guard field == self.field else {
            throw CryptoError(.fieldMismatch, "a \(field.rawValue) field cannot be opened with the \(self.field.rawValue) key")
        }
        guard sealed.epoch == epoch else {
            throw CryptoError(.epochMismatch, "a field sealed in epoch \(sealed.epoch) cannot be opened with the key of epoch \(epoch)")
        }
        let aad = try SealedField.aad(epoch: epoch, reference: reference, field: field)
        return try HPKE.open(HPKE.Sealed(enc: sealed.enc, ciphertext: sealed.ciphertext), recipient: key, info: SealedField.info, aad: aad)
    }
}
