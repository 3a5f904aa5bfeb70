// The HPKE encryption context of base mode (RFC 9180, sections 5.1 and 5.2): the key schedule and
// sealing, opening and exporting under it.
import Foundation

struct HPKEContext {
    let suite: HPKESuite
    let key: SecretBytes
    let baseNonce: SecretBytes
    let exporterSecret: SecretBytes
    private(set) var sequenceNumber: UInt64 = 0

    /// KeySchedule(mode_base, shared_secret, info, default_psk, default_psk_id).
    init(suite: HPKESuite, sharedSecret: SecretBytes, info: some ContiguousBytes) throws {
        let kdf = LabeledKDF(suiteID: suite.suiteID)
        let modeBase: UInt8 = 0x00
        let pskIDHash = try kdf.extract(salt: [UInt8](), label: "psk_id_hash", inputKeyMaterial: [UInt8]())
        let infoHash = try kdf.extract(salt: [UInt8](), label: "info_hash", inputKeyMaterial: info)
        let context = [modeBase] + pskIDHash.withUnsafeBytes { Array($0) } + infoHash.withUnsafeBytes { Array($0) }
        let secret = try kdf.extract(salt: sharedSecret, label: "secret", inputKeyMaterial: [UInt8]())
        self.suite = suite
        self.key = try kdf.expand(pseudorandomKey: secret, label: "key", info: context, length: suite.aead.keySize.byteCount)
        self.baseNonce = try kdf.expand(pseudorandomKey: secret, label: "base_nonce", info: context, length: AESGCM.nonceByteCount)
        self.exporterSecret = try kdf.expand(pseudorandomKey: secret, label: "exp", info: context, length: HKDF.hashByteCount)
    }

    /// ContextS.Seal(aad, pt).
    mutating func seal(_ plaintext: some ContiguousBytes, aad: some ContiguousBytes) throws -> [UInt8] {
        let sealed = try AESGCM.seal(plaintext, key: key, nonce: nonce(), aad: aad, keySize: suite.aead.keySize)
        try incrementSequence()
        return sealed
    }

    /// ContextR.Open(aad, ct).
    mutating func open(_ ciphertext: some ContiguousBytes, aad: some ContiguousBytes) throws -> SecretBytes {
        let opened = try AESGCM.open(ciphertext, key: key, nonce: nonce(), aad: aad, keySize: suite.aead.keySize)
        try incrementSequence()
        return opened
    }

    /// Context.Export(exporter_context, L).
    func export(context: some ContiguousBytes, length: Int) throws -> SecretBytes {
        let kdf = LabeledKDF(suiteID: suite.suiteID)
        return try kdf.expand(pseudorandomKey: exporterSecret, label: "sec", info: context, length: length)
    }

    /// ComputeNonce(seq) = base_nonce XOR I2OSP(seq, Nn).
    private func nonce() -> [UInt8] {
        var nonce = baseNonce.withUnsafeBytes { Array($0) }
        let sequence = sequenceNumber.bigEndianBytes
        let offset = nonce.count - sequence.count
        for index in sequence.indices {
            nonce[offset + index] ^= sequence[index]
        }
        return nonce
    }

    private mutating func incrementSequence() throws {
        guard sequenceNumber < UInt64.max else { throw CryptoError(.messageLimit, "HPKE sequence number overflow") }
        sequenceNumber += 1
    }
}
