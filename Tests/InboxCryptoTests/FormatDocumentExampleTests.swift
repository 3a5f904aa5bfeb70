// The worked example in docs/FORMAT.md opens with our code and with swift-crypto's HPKE, so the
// document cannot drift from the format.
import Crypto
import Foundation
import InboxCrypto
import Testing

@Suite("docs/FORMAT.md example")
struct FormatDocumentExampleTests {
    /// The `name: value` lines of the example block.
    let example: [String: String]

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
        let block = try #require(
            document.components(separatedBy: "### Example").dropFirst().first?.components(separatedBy: "```text\n").dropFirst().first)
        let lines = block.components(separatedBy: "\n```").first!.split(separator: "\n")
        example = Dictionary(
            uniqueKeysWithValues: lines.map { line in
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return (parts[0], parts[1])
            })
    }

    func value(_ name: String) throws -> String { try #require(example[name], "missing \(name)") }

    @Test("the example opens with InboxCrypto")
    func opensWithOurs() throws {
        let key = try X25519PrivateKey(rawRepresentation: SecretBytes(copying: [UInt8](hex: value("private key"))))
        #expect(key.publicKey.rawRepresentation == [UInt8](hex: try value("public key")))
        let sealed = try SealedField(bytes: [UInt8](hex: value("sealed")))
        let field = try #require(RecordField(rawValue: value("field")))
        let opened = try EpochPrivateKey(epoch: sealed.epoch, field: field, key: key).open(
            sealed, reference: value("reference"), field: field)
        #expect(String(decoding: opened.bytes, as: UTF8.self) == (try value("plaintext")))
    }

    @Test("the example opens with swift-crypto, using the document's AAD")
    func opensWithSwiftCrypto() throws {
        let key = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](hex: value("private key")))
        let sealed = [UInt8](hex: try value("sealed"))
        let aad = [UInt8](hex: try value("aad"))
        #expect(Array(aad.prefix(5)) == Array(sealed.prefix(5)))
        var recipient = try HPKE.Recipient(
            privateKey: key, ciphersuite: HPKE.Ciphersuite(kem: .Curve25519_HKDF_SHA256, kdf: .HKDF_SHA256, aead: .AES_GCM_256),
            info: Data("contact-inbox/v1".utf8), encapsulatedKey: Data(sealed[5..<37]))
        let opened = try recipient.open(Data(sealed[37...]), authenticating: Data(aad))
        #expect(String(decoding: opened, as: UTF8.self) == (try value("plaintext")))
    }
}
