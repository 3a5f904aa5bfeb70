// The public half of an (epoch, field) key: what the intake server seals with.
public import Foundation

public struct EpochPublicKey: Sendable, Equatable {
    public let epoch: UInt32
    public let field: RecordField
    public let key: X25519PublicKey

    public init(epoch: UInt32, field: RecordField, key: X25519PublicKey) {
        self.epoch = epoch
        self.field = field
        self.key = key
    }

    /// Seals `plaintext` (the UTF-8 bytes of the value) for the record `reference`, with a fresh
    /// ephemeral key.
    public func seal(_ plaintext: some ContiguousBytes, reference: String) throws -> SealedField {
        let aad = try SealedField.aad(epoch: epoch, reference: reference, field: field)
        let sealed = try HPKE.seal(plaintext, to: key, info: SealedField.info, aad: aad)
        return SealedField(epoch: epoch, enc: sealed.enc, ciphertext: sealed.ciphertext)
    }
}
