// An intake node sealing with a bundle: what it seals opens with the master key; when the month
// moves past its bundle it refuses (503 upstream) rather than seal to nothing; a refreshed bundle
// is used without a restart.
import Foundation
import InboxCore
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("sealing with an intake bundle")
struct IntakeBundleSealingTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    @Test("a node seals with its bundle; the master key opens it; past the bundle it refuses; a refresh is used at once")
    func bundle() async throws {
        let inbox = try InboxFixture(created: t0)
        let bundlePath = "\(inbox.directory.path)/bundle"
        try inbox.keys.exportIntakeBundle(to: bundlePath, now: t0)
        let sealer = try IntakeSealer(keys: KeyDirectory(path: bundlePath))
        let valid = try SubmissionValidator.validate(question: "Från noden", email: "anna@example.se").get()
        let reference = try Reference.random()
        let sealed = try sealer.seal(valid, reference: reference, receivedAt: t0)
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        let question = try hierarchy.openField(
            try #require(sealed.sealedFields[.question]), reference: reference.text, field: .question, master: master)
        #expect(question.utf8String == "Från noden")
        #expect(try sealer.futureEpochCount(at: t0) == 2)

        // April: the bundle ends with March.
        let april = t0.addingTimeInterval(85 * 86_400)
        #expect(throws: IntakeUnavailable.self) { try sealer.seal(valid, reference: try Reference.random(), receivedAt: april) }
        // The admin host's purge made April's keys; the bundle is exported again and used at once.
        _ = try inbox.keys.createMissingEpochs(now: april)
        try inbox.keys.exportIntakeBundle(to: bundlePath, now: april)
        let later = try sealer.seal(valid, reference: try Reference.random(), receivedAt: april)
        #expect(try SealedField(bytes: try #require(later.sealedFields[.question])).epoch == 202604)
        try sealer.reload()
        #expect(try sealer.futureEpochCount(at: april) == 2)
    }
}
