// The HPKE encryption context of base mode (RFC 9180, sections 5.1 and 5.2): the key schedule and
// sealing, opening and exporting under it.
import Foundation
import Synchronization

struct HPKEContext {
    let suite: HPKESuite
    let key: SecretBytes
    let baseNonce: SecretBytes
    /// The key schedule's secret, kept for the exporter, which the at-rest format never uses: its
    /// secret is derived when asked for rather than on every seal.
    private let secret: SecretBytes
    private let keyScheduleContext: [UInt8]
    private(set) var sequenceNumber: UInt64 = 0

    /// KeySchedule(mode_base, shared_secret, info, default_psk, default_psk_id).
    init(suite: HPKESuite, sharedSecret: SecretBytes, info: some ContiguousBytes) throws {
        let kdf = LabeledKDF(suiteID: suite.suiteID)
        let context = try Self.keyScheduleContext(suite: suite, info: info)
        let secret = try kdf.extract(salt: sharedSecret, label: "secret", inputKeyMaterial: [UInt8]())
        self.suite = suite
        self.secret = secret
        self.keyScheduleContext = context
        self.key = try kdf.expand(pseudorandomKey: secret, label: "key", info: context, length: suite.aead.keySize.byteCount)
        self.baseNonce = try kdf.expand(pseudorandomKey: secret, label: "base_nonce", info: context, length: AESGCM.nonceByteCount)
    }

    /// The exporter's secret of the key schedule.
    func exporterSecret() throws -> SecretBytes {
        try LabeledKDF(suiteID: suite.suiteID).expand(
            pseudorandomKey: secret, label: "exp", info: keyScheduleContext, length: HKDF.hashByteCount)
    }

    /// key_schedule_context = mode || LabeledExtract("", "psk_id_hash", psk_id) || LabeledExtract("", "info_hash", info).
    /// In base mode it depends only on the suite and `info`, which the at-rest format fixes: each
    /// pair is derived once per process (two HMACs fewer per sealed field) and kept; it is public.
    private static func keyScheduleContext(suite: HPKESuite, info: some ContiguousBytes) throws -> [UInt8] {
        let key = suite.suiteID + info.withUnsafeBytes { Array($0) }
        if let known = knownContexts.withLock({ $0[key] }) { return known }
        let kdf = LabeledKDF(suiteID: suite.suiteID)
        let modeBase: UInt8 = 0x00
        let pskIDHash = try kdf.extract(salt: [UInt8](), label: "psk_id_hash", inputKeyMaterial: [UInt8]())
        let infoHash = try kdf.extract(salt: [UInt8](), label: "info_hash", inputKeyMaterial: info)
        let context = [modeBase] + pskIDHash.withUnsafeBytes { Array($0) } + infoHash.withUnsafeBytes { Array($0) }
        knownContexts.withLock { known in
            // A handful of (suite, info) pairs exist: the format's one and the test vectors'.
            if known.count >= 64 { known.removeAll() }
            known[key] = context
        }
        return context
    }

    private static let knownContexts = Mutex<[[UInt8]: [UInt8]]>([:])

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
        return try kdf.expand(pseudorandomKey: exporterSecret(), label: "sec", info: context, length: length)
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
