// The intake bundle: what an intake node may hold, exactly, and a refresh that replaces it whole.
import Foundation
import InboxCrypto
import InboxTestSupport
import Testing

@Suite("intake bundle")
struct IntakeBundleTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-29T10:00:00Z")!

    func inbox() throws -> (TemporaryDirectory, KeyHierarchy) {
        let directory = try TemporaryDirectory()
        let hierarchy = KeyHierarchy(
            keys: KeyDirectory(path: "\(directory.path)/keys"), privateKeys: PrivateKeyDirectory(path: "\(directory.path)/private"))
        _ = try hierarchy.initialize(
            passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)), calendar: .monthly, now: now)
        return (directory, hierarchy)
    }

    /// Every file below `path`, relative to it.
    func files(_ path: String) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: path))
        return enumerator.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: "\(path)/\($0)", isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    @Test("the bundle holds the master public key and the current and future epochs' public and index keys, nothing else")
    func contents() throws {
        let (directory, hierarchy) = try inbox()
        // A hold's keys, a retired epoch and the admin host's own files must all stay behind.
        _ = try hierarchy.keys.createHoldKeys()
        let bundlePath = "\(directory.path)/bundle"
        // 9 December: November is retired, January's and February's keys exist.
        let later = now.addingTimeInterval(10 * 86_400)
        _ = try hierarchy.keys.createMissingEpochs(now: later)
        #expect(try hierarchy.keys.exportIntakeBundle(to: bundlePath, now: later) == [202612, 202701, 202702])
        var expected = ["key-directory.json", "master.pub.pem"]
        for epoch in [202612, 202701, 202702] {
            expected += ["epochs/\(epoch)/email.index.key", "epochs/\(epoch)/email.pub.pem", "epochs/\(epoch)/question.pub.pem"]
        }
        #expect(try files(bundlePath) == expected.sorted())
        let bundle = KeyDirectory(path: bundlePath)
        #expect(try bundle.isIntakeBundle)
        #expect(try !hierarchy.keys.isIntakeBundle)
        #expect(bundle.hasCompleteKey(epoch: 202612, field: .email, intakeBundle: true))
        #expect(!bundle.hasCompleteKey(epoch: 202612, field: .email))
        #expect(!bundle.hasCompleteKey(epoch: 202611, field: .email, intakeBundle: true))
        // The same keys as the key directory's.
        #expect(
            try bundle.publicKey(epoch: 202701, field: .email).key.rawRepresentation
                == hierarchy.keys.publicKey(epoch: 202701, field: .email).key.rawRepresentation)
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(bundlePath)/epochs/202612/email.index.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // A bundle is no source of another.
        #expect(throws: CryptoError.self) { try bundle.exportIntakeBundle(to: "\(directory.path)/again", now: later) }
    }

    @Test("a refresh swaps the new bundle in whole, and a directory that is not a bundle is never replaced")
    func refresh() throws {
        let (directory, hierarchy) = try inbox()
        let bundlePath = "\(directory.path)/bundle"
        try hierarchy.keys.exportIntakeBundle(to: bundlePath, now: now)
        let before = try files(bundlePath)
        let later = now.addingTimeInterval(40 * 86_400)
        _ = try hierarchy.keys.createMissingEpochs(now: later)
        try hierarchy.keys.exportIntakeBundle(to: bundlePath, now: later)
        let after = try files(bundlePath)
        #expect(before.contains("epochs/202611/email.pub.pem") && !after.contains("epochs/202611/email.pub.pem"))
        #expect(after.contains("epochs/202702/email.pub.pem"))
        #expect(!FileManager.default.fileExists(atPath: "\(bundlePath).new"))
        // Not a bundle: left alone.
        let other = "\(directory.path)/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        #expect(FileManager.default.createFile(atPath: "\(other)/keep", contents: Data("x".utf8)))
        let refused = #expect(throws: CryptoError.self) { try hierarchy.keys.exportIntakeBundle(to: other, now: later) }
        #expect(refused?.description.contains("not an intake bundle") == true)
        #expect(FileManager.default.fileExists(atPath: "\(other)/keep"))
        #expect(!FileManager.default.fileExists(atPath: "\(other).new"))
    }
}
