// Known-answer tests: our HPKE against RFC 9180 appendix A.1 and the CFRG test vectors.
import Foundation
import Testing

@testable import InboxCrypto

/// One entry of the CFRG `test-vectors.json` (fields we check; others are ignored).
struct HPKETestVector: Decodable, CustomTestStringConvertible {
    struct Encryption: Decodable {
        let aad: String
        let ct: String
        let nonce: String
        let pt: String
    }
    struct Export: Decodable {
        let exporter_context: String
        let L: Int
        let exported_value: String
    }
    let mode: Int
    let kem_id: Int
    let kdf_id: Int
    let aead_id: Int
    let info: String
    let ikmR: String
    let ikmE: String
    let skRm: String
    let skEm: String
    let pkRm: String
    let pkEm: String
    let enc: String
    let shared_secret: String
    let key: String
    let base_nonce: String
    let exporter_secret: String
    let encryptions: [Encryption]
    let exports: [Export]

    var suite: HPKESuite { aead_id == 1 ? .x25519SHA256AES128GCM : .x25519SHA256AES256GCM }
    var testDescription: String { "mode \(mode) kem \(kem_id) kdf \(kdf_id) aead \(aead_id)" }

    static let all: [HPKETestVector] = {
        let url = Bundle.module.url(forResource: "Fixtures/hpke-base-x25519-sha256-aesgcm", withExtension: "json")!
        return try! JSONDecoder().decode([HPKETestVector].self, from: Data(contentsOf: url))
    }()
}

@Suite("HPKE known answers (RFC 9180 A.1, CFRG vectors)")
struct HPKETestVectorTests {
    @Test("the fixture holds both suites we implement")
    func fixtureCoversBothSuites() {
        #expect(HPKETestVector.all.map(\.aead_id).sorted() == [1, 2])
        #expect(HPKETestVector.all.allSatisfy { $0.mode == 0 && $0.kem_id == 0x20 && $0.kdf_id == 1 })
    }

    @Test("RFC 9180 A.1.1 as printed in the RFC")
    func rfc9180AppendixA11() throws {
        // Values copied from the RFC text, independent of the JSON fixture.
        let skR = try DHKEM.deriveKeyPair(
            inputKeyMaterial: [UInt8](hex: "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037"))
        #expect(try skR.rawRepresentation().bytes == [UInt8](hex: "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8"))
        let skE = try DHKEM.deriveKeyPair(
            inputKeyMaterial: [UInt8](hex: "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234"))
        let (sharedSecret, enc) = try DHKEM.encapsulate(to: skR.publicKey, ephemeral: skE)
        #expect(enc == [UInt8](hex: "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431"))
        #expect(sharedSecret.bytes == [UInt8](hex: "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc"))
        var context = try HPKEContext(
            suite: .x25519SHA256AES128GCM, sharedSecret: sharedSecret, info: [UInt8](hex: "4f6465206f6e2061204772656369616e2055726e"))
        #expect(context.key.bytes == [UInt8](hex: "4531685d41d65f03dc48f6b8302c05b0"))
        #expect(context.baseNonce.bytes == [UInt8](hex: "56d890e5accaaf011cff4b7d"))
        let ciphertext = try context.seal(
            [UInt8](hex: "4265617574792069732074727574682c20747275746820626561757479"), aad: [UInt8](hex: "436f756e742d30"))
        #expect(ciphertext == [UInt8](hex: "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a"))
    }

    @Test("key derivation, encapsulation and key schedule", arguments: HPKETestVector.all)
    func keySchedule(vector: HPKETestVector) throws {
        let skR = try DHKEM.deriveKeyPair(inputKeyMaterial: [UInt8](hex: vector.ikmR))
        let skE = try DHKEM.deriveKeyPair(inputKeyMaterial: [UInt8](hex: vector.ikmE))
        #expect(try skR.rawRepresentation().bytes == [UInt8](hex: vector.skRm))
        #expect(try skE.rawRepresentation().bytes == [UInt8](hex: vector.skEm))
        #expect(skR.publicKey.rawRepresentation == [UInt8](hex: vector.pkRm))
        #expect(skE.publicKey.rawRepresentation == [UInt8](hex: vector.pkEm))

        let (sharedSecret, enc) = try DHKEM.encapsulate(to: skR.publicKey, ephemeral: skE)
        #expect(enc == [UInt8](hex: vector.enc))
        #expect(sharedSecret.bytes == [UInt8](hex: vector.shared_secret))
        #expect(try DHKEM.decapsulate(enc: enc, recipient: skR).bytes == [UInt8](hex: vector.shared_secret))

        let context = try HPKEContext(suite: vector.suite, sharedSecret: sharedSecret, info: [UInt8](hex: vector.info))
        #expect(context.key.bytes == [UInt8](hex: vector.key))
        #expect(context.baseNonce.bytes == [UInt8](hex: vector.base_nonce))
        #expect(try context.exporterSecret().bytes == [UInt8](hex: vector.exporter_secret))
        for export in vector.exports {
            let value = try context.export(context: [UInt8](hex: export.exporter_context), length: export.L)
            #expect(value.bytes == [UInt8](hex: export.exported_value))
        }
    }

    @Test("every ciphertext, sealed and opened in sequence", arguments: HPKETestVector.all)
    func everyCiphertext(vector: HPKETestVector) throws {
        let skR = try DHKEM.deriveKeyPair(inputKeyMaterial: [UInt8](hex: vector.ikmR))
        let sharedSecret = try DHKEM.decapsulate(enc: [UInt8](hex: vector.enc), recipient: skR)
        var sender = try HPKEContext(suite: vector.suite, sharedSecret: sharedSecret, info: [UInt8](hex: vector.info))
        var recipient = sender
        #expect(vector.encryptions.count == 257)
        for (sequence, encryption) in vector.encryptions.enumerated() {
            #expect(sender.sequenceNumber == UInt64(sequence))
            let ciphertext = try sender.seal([UInt8](hex: encryption.pt), aad: [UInt8](hex: encryption.aad))
            #expect(ciphertext == [UInt8](hex: encryption.ct), "sequence \(sequence)")
            let plaintext = try recipient.open([UInt8](hex: encryption.ct), aad: [UInt8](hex: encryption.aad))
            #expect(plaintext.bytes == [UInt8](hex: encryption.pt), "sequence \(sequence)")
        }
    }

    @Test("single-shot seal with the vector's ephemeral key gives the first ciphertext", arguments: HPKETestVector.all)
    func singleShot(vector: HPKETestVector) throws {
        let skR = try DHKEM.deriveKeyPair(inputKeyMaterial: [UInt8](hex: vector.ikmR))
        let skE = try DHKEM.deriveKeyPair(inputKeyMaterial: [UInt8](hex: vector.ikmE))
        let first = try #require(vector.encryptions.first)
        let sealed = try HPKE.seal(
            [UInt8](hex: first.pt), to: skR.publicKey, info: [UInt8](hex: vector.info), aad: [UInt8](hex: first.aad),
            suite: vector.suite, ephemeral: skE)
        #expect(sealed.enc == [UInt8](hex: vector.enc))
        #expect(sealed.ciphertext == [UInt8](hex: first.ct))
        let opened = try HPKE.open(
            sealed, recipient: skR, info: [UInt8](hex: vector.info), aad: [UInt8](hex: first.aad), suite: vector.suite)
        #expect(opened.bytes == [UInt8](hex: first.pt))
    }
}
