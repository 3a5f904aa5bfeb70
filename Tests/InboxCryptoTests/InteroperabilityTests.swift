// Our at-rest format against an independent RFC 9180 implementation: swift-crypto's HPKE
// (BoringSSL underneath). Each side seals what the other opens.
import Crypto
import Foundation
import InboxCrypto
import Testing

@Suite("interoperability with swift-crypto's HPKE")
struct InteroperabilityTests {
    let reference = "K7Q2-M9XD-4T"
    let epoch: UInt32 = 202611
    let ciphersuite = HPKE.Ciphersuite(kem: .Curve25519_HKDF_SHA256, kdf: .HKDF_SHA256, aead: .AES_GCM_256)

    /// The AAD as docs/FORMAT.md defines it, built here independently of InboxCrypto.
    func aad(field: String) -> Data {
        var aad = Data([0x01])
        withUnsafeBytes(of: epoch.bigEndian) { aad.append(contentsOf: $0) }
        aad.append(contentsOf: Array(reference.utf8))
        aad.append(0x00)
        aad.append(contentsOf: Array(field.utf8))
        return aad
    }

    @Test("a field sealed by us opens with swift-crypto")
    func oursOpenedByTheirs() throws {
        let theirKey = Curve25519.KeyAgreement.PrivateKey()
        let ourPublic = try X25519PublicKey(rawRepresentation: theirKey.publicKey.rawRepresentation)
        let sealed = try EpochPublicKey(epoch: epoch, field: .question, key: ourPublic)
            .seal(Array("Hur söker jag bygglov?".utf8), reference: reference)

        let bytes = sealed.bytes
        let enc = Data(bytes[5..<37])
        var recipient = try HPKE.Recipient(
            privateKey: theirKey, ciphersuite: ciphersuite, info: Data("contact-inbox/v1".utf8), encapsulatedKey: enc)
        let plaintext = try recipient.open(Data(bytes[37...]), authenticating: aad(field: "question"))
        #expect(String(decoding: plaintext, as: UTF8.self) == "Hur söker jag bygglov?")
    }

    @Test("a field sealed by swift-crypto opens with us")
    func theirsOpenedByOurs() throws {
        let ourKey = EpochPrivateKey(epoch: epoch, field: .email, key: try X25519PrivateKey())
        let theirPublic = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: ourKey.key.publicKey.rawRepresentation)
        var sender = try HPKE.Sender(recipientKey: theirPublic, ciphersuite: ciphersuite, info: Data("contact-inbox/v1".utf8))
        let ciphertext = try sender.seal(Data("anna@example.se".utf8), authenticating: aad(field: "email"))

        var bytes = [UInt8](aad(field: "email").prefix(5))
        bytes += sender.encapsulatedKey
        bytes += ciphertext
        let opened = try ourKey.open(SealedField(bytes: bytes), reference: reference, field: .email)
        #expect(String(decoding: opened.bytes, as: UTF8.self) == "anna@example.se")
    }
}
