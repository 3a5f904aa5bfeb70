// The key hierarchy of docs/FORMAT.md "The key files", checked against the openssl CLI where a file is meant to
// be read by other tools.
import CInboxSystem
import Foundation
import InboxCrypto
import InboxTestSupport
import Testing

@Suite("key hierarchy")
struct KeyHierarchyTests {
    let directory: TemporaryDirectory
    let hierarchy: KeyHierarchy
    let passphraseFile: String
    let now = ISO8601DateFormatter().date(from: "2026-11-29T10:00:00Z")!

    init() throws {
        directory = try TemporaryDirectory()
        hierarchy = KeyHierarchy(
            keys: KeyDirectory(path: "\(directory.path)/data/keys"),
            privateKeys: PrivateKeyDirectory(path: "\(directory.path)/data/private"))
        passphraseFile = try directory.write("passphrase", "correct horse battery staple\nsecond line is ignored\n")
    }

    func initialize() throws -> [UInt32] {
        try hierarchy.initialize(passphrase: PassphraseFile.read(passphraseFile), calendar: .monthly, now: now)
    }

    @Test("init creates the current and next two epochs, and no shared hold key")
    func initCreatesEpochs() throws {
        #expect(try initialize() == [202611, 202612, 202701])
        let states = try hierarchy.keys.list(now: now)
        #expect(states.count == 9)
        #expect(!states.contains { $0.isHoldKey })
        #expect(states.filter { $0.epoch == 202611 }.allSatisfy { $0.state == .current })
        #expect(states.filter { $0.epoch > 202611 }.allSatisfy { $0.state == .future })
        #expect(states.first { $0.epoch == 202612 }?.starts == ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z"))
    }

    @Test("init refuses an existing inbox and changes nothing")
    func initRefusesExisting() throws {
        _ = try initialize()
        let before = try Data(contentsOf: URL(fileURLWithPath: hierarchy.privateKeys.masterKeyPath))
        let error = try #require(throws: CryptoError.self) { try initialize() }
        #expect(error.code == .alreadyExists)
        #expect(try Data(contentsOf: URL(fileURLWithPath: hierarchy.privateKeys.masterKeyPath)) == before)
    }

    @Test("key files are 0600 in 0700 directories")
    func modes() throws {
        _ = try initialize()
        #expect(try directory.mode(of: hierarchy.privateKeys.path) == 0o700)
        #expect(try directory.mode(of: hierarchy.privateKeys.masterKeyPath) == 0o600)
        #expect(try directory.mode(of: hierarchy.keys.path) == 0o700)
        let epochDirectory = "\(hierarchy.keys.path)/epochs/202611"
        #expect(try directory.mode(of: epochDirectory) == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: epochDirectory) {
            #expect(try directory.mode(of: "\(epochDirectory)/\(file)") == 0o600, "\(file)")
        }
    }

    @Test("openssl pkey opens the master key with the same passphrase file, as X25519")
    func opensslOpensMasterKey() throws {
        _ = try initialize()
        let result = try runProgram(
            "/usr/bin/openssl", ["pkey", "-in", hierarchy.privateKeys.masterKeyPath, "-passin", "file:\(passphraseFile)", "-pubout"])
        #expect(result.status == 0, "\(result.standardError)")
        let published = try String(contentsOfFile: "\(hierarchy.keys.path)/master.pub.pem", encoding: .utf8)
        #expect(result.standardOutput == published)
        let text = try runProgram(
            "/usr/bin/openssl",
            ["pkey", "-in", hierarchy.privateKeys.masterKeyPath, "-passin", "file:\(passphraseFile)", "-noout", "-text"])
        #expect(text.standardOutput.contains("X25519 Private-Key"))
        let pem = try String(contentsOfFile: hierarchy.privateKeys.masterKeyPath, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"))
    }

    @Test("the master key uses PBES2 with scrypt N=2^14, r=8, p=1 and AES-256-CBC")
    func strongKDF() throws {
        _ = try initialize()
        let parsed = try runProgram("/usr/bin/openssl", ["asn1parse", "-in", hierarchy.privateKeys.masterKeyPath])
        #expect(parsed.status == 0)
        let lines = parsed.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(":PBES2") })
        #expect(lines.contains { $0.hasSuffix(":scrypt") })
        #expect(lines.contains { $0.contains(":aes-256-cbc") })
        // The scrypt parameters follow the salt as three INTEGERs: N, r, p.
        let integers = lines.filter { $0.contains("INTEGER") }.compactMap { $0.split(separator: ":").last.map(String.init) }
        #expect(integers.prefix(3) == ["4000", "08", "01"], "\(integers)")  // 0x4000 = 16384
        let salt = try #require(lines.first { $0.contains("OCTET STRING") && $0.contains("[HEX DUMP]") })
        #expect(salt.split(separator: ":").last!.count == 32)  // 16 bytes of salt
        #expect(!lines.contains { $0.contains("PBKDF2") })
    }

    @Test("a wrong passphrase is refused")
    func wrongPassphrase() throws {
        _ = try initialize()
        let error = try #require(throws: CryptoError.self) {
            try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("wrong horse battery staple".utf8)))
        }
        #expect(error.code == .wrongPassphrase)
        let opensslResult = try runProgram(
            "/usr/bin/openssl",
            ["pkey", "-in", hierarchy.privateKeys.masterKeyPath, "-passin", "pass:wrong horse battery staple", "-noout"])
        #expect(opensslResult.status != 0)
    }

    @Test(
        "loose permissions are refused with a fix",
        arguments: [("file", 0o644), ("file", 0o660), ("directory", 0o755), ("directory", 0o777)])
    func loosePermissions(kind: String, mode: Int) throws {
        _ = try initialize()
        let path = kind == "file" ? hierarchy.privateKeys.masterKeyPath : hierarchy.privateKeys.path
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        let error = try #require(throws: CryptoError.self) { try hierarchy.openMasterKey(passphrase: PassphraseFile.read(passphraseFile)) }
        #expect(error.code == .insecurePermissions)
        #expect(error.message.contains(kind == "file" ? "chmod 600 \(path)" : "chmod 700 \(path)"))
    }

    @Test("group read (0640) is tolerated for a staff group")
    func groupReadTolerated() throws {
        _ = try initialize()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: hierarchy.privateKeys.masterKeyPath)
        _ = try hierarchy.openMasterKey(passphrase: PassphraseFile.read(passphraseFile))
    }

    @Test("a sealed epoch key opens with the master key and is the private half of the published key")
    func epochKeyOpens() throws {
        _ = try initialize()
        let master = try hierarchy.openMasterKey(passphrase: PassphraseFile.read(passphraseFile))
        for epoch: UInt32 in [202611, 202612, 202701] {
            for field in RecordField.allCases {
                let key = try hierarchy.openEpochKey(epoch: epoch, field: field, master: master)
                #expect(key.publicKey == (try hierarchy.keys.publicKey(epoch: epoch, field: field)))
                let sealedKey = try hierarchy.keys.sealedPrivateKey(epoch: epoch, field: field)
                #expect(sealedKey.epoch == epoch)
                // A field sealed to the published key opens with the opened private key.
                let sealed = try hierarchy.keys.publicKey(epoch: epoch, field: field).seal(Array("x".utf8), reference: "K7Q2-M9XD-4T")
                #expect(try key.open(sealed, reference: "K7Q2-M9XD-4T", field: field).bytes == Array("x".utf8))
            }
        }
        // A sealed epoch key is bound to its field: the email key's file does not open as the question key.
        let emailSealed = try hierarchy.keys.sealedPrivateKey(epoch: 202611, field: .email)
        let questionPublic = try hierarchy.keys.publicKey(epoch: 202611, field: .question)
        #expect(throws: CryptoError.self) { try master.open(emailSealed, matching: questionPublic) }
    }

    @Test("changing the passphrase keeps the keys and retires the old passphrase")
    func changePassphrase() throws {
        _ = try initialize()
        let old = try PassphraseFile.read(passphraseFile)
        let new = SecretBytes(copying: Array("a new and longer passphrase".utf8))
        let master = try hierarchy.openMasterKey(passphrase: old)
        try hierarchy.changePassphrase(of: master, to: new)
        #expect(try hierarchy.openMasterKey(passphrase: new).publicKey == master.publicKey)
        #expect(try #require(throws: CryptoError.self) { try hierarchy.openMasterKey(passphrase: old) }.code == .wrongPassphrase)
        #expect(try directory.mode(of: hierarchy.privateKeys.masterKeyPath) == 0o600)
    }

    @Test("a short new passphrase is refused")
    func shortPassphrase() throws {
        let error = try #require(throws: CryptoError.self) {
            try hierarchy.initialize(passphrase: SecretBytes(copying: Array("short".utf8)), calendar: .monthly, now: now)
        }
        #expect(error.code == .passphraseUnavailable)
        #expect(!hierarchy.privateKeys.hasMasterKey)
    }

    @Test(
        "destroying a key removes its files and is idempotent; the state is read off the files; current, future and hold keys are refused")
    func destroy() throws {
        _ = try initialize()
        let later = now.addingTimeInterval(200 * 86_400)
        try hierarchy.keys.destroy(epoch: 202611, field: .email, now: later)
        try hierarchy.keys.destroy(epoch: 202611, field: .email, now: later)
        let email = try #require(try hierarchy.keys.list(now: later).first { $0.epoch == 202611 && $0.field == .email })
        #expect(email.state == .destroyed)
        let question = try #require(try hierarchy.keys.list(now: later).first { $0.epoch == 202611 && $0.field == .question })
        #expect(question.state == .retired)
        #expect(throws: CryptoError.self) { try hierarchy.keys.publicKey(epoch: 202611, field: .email) }
        #expect(throws: CryptoError.self) { try hierarchy.keys.indexKey(epoch: 202611) }
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(hierarchy.keys.path)/epochs/202611")
        #expect(!files.contains("email.pub.pem") && !files.contains("email.key.sealed") && !files.contains("email.index.key"))
        // Never the epoch that is current at `now`, nor one after it, whatever a caller believes.
        #expect(throws: CryptoError.self) { try hierarchy.keys.destroy(epoch: 202612, field: .email, now: now) }
        #expect(throws: CryptoError.self) { try hierarchy.keys.destroy(epoch: 202611, field: .question, now: now) }
    }

    @Test("a key with some files left is `destroying`, never `destroyed`, and no marker file can say otherwise")
    func destroying() throws {
        _ = try initialize()
        let later = now.addingTimeInterval(200 * 86_400)
        let epochDirectory = "\(hierarchy.keys.path)/epochs/202611"
        // The sealed private key went; the index key and the public key did not (a failed unlink).
        try FileManager.default.removeItem(atPath: "\(epochDirectory)/email.key.sealed")
        func state(_ field: RecordField) throws -> EpochKeyState? {
            try hierarchy.keys.list(now: later).first { $0.epoch == 202611 && $0.field == field }?.state
        }
        #expect(try state(.email) == .destroying)
        // A marker that says destroyed, as the first version wrote, changes nothing.
        try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(epochDirectory)/email.destroyed"))
        #expect(try state(.email) == .destroying)
        // Nor does an epoch.json whose end date was changed: dates come from the epoch number.
        try Data("{\"epoch\":202611}".utf8).write(to: URL(fileURLWithPath: "\(epochDirectory)/epoch.json"))
        let listed = try #require(try hierarchy.keys.list(now: later).first { $0.epoch == 202611 && $0.field == .question })
        #expect(listed.ends == ISO8601DateFormatter().date(from: "2026-12-01T00:00:00Z"))
        try hierarchy.keys.destroy(epoch: 202611, field: .email, now: later)
        #expect(try state(.email) == .destroyed)
    }

    @Test("a hold's keys are its own, listed as hold, and destroyed whole by its release")
    func holdKeys() throws {
        _ = try initialize()
        let first = try hierarchy.keys.createHoldKeys()
        let second = try hierarchy.keys.createHoldKeys()
        #expect(first != second && SealedField.isHoldKey(first) && SealedField.isHoldKey(second))
        #expect(try hierarchy.keys.list(now: now).filter { $0.epoch == first }.map(\.state) == [.hold, .hold, .hold])
        // Sealed like an epoch's: the master key opens the hold's private key.
        let passphrase = try PassphraseFile.read(passphraseFile)
        let master = try hierarchy.openMasterKey(passphrase: passphrase)
        let sealed = try hierarchy.keys.publicKey(epoch: first, field: .question).seal(Array("kept".utf8), reference: "K7Q2-M9XD-4T")
        let opened = try hierarchy.openField(sealed.data, reference: "K7Q2-M9XD-4T", field: .question, master: master)
        #expect(opened.utf8String == "kept")
        try hierarchy.keys.destroyHoldKeys(first)
        #expect(try hierarchy.keys.list(now: now).filter { $0.epoch == first }.map(\.state) == [.destroyed, .destroyed, .destroyed])
        #expect(throws: CryptoError.self) {
            try hierarchy.openField(sealed.data, reference: "K7Q2-M9XD-4T", field: .question, master: master)
        }
        #expect(try hierarchy.keys.list(now: now).filter { $0.epoch == second }.allSatisfy { $0.state == .hold })
        // Calendar epochs are not destroyed this way.
        #expect(throws: CryptoError.self) { try hierarchy.keys.destroyHoldKeys(202611) }
    }

    @Test("epochs ahead are created as time passes, with no passphrase")
    func createMissingEpochs() throws {
        _ = try initialize()
        let february = ISO8601DateFormatter().date(from: "2027-02-15T00:00:00Z")!
        #expect(try hierarchy.keys.createMissingEpochs(now: february) == [202702, 202703, 202704])
        #expect(try hierarchy.keys.createMissingEpochs(now: february) == [])
        let states = try hierarchy.keys.list(now: february)
        #expect(states.filter { $0.epoch == 202611 }.allSatisfy { $0.state == .retired })
        #expect(!FileManager.default.fileExists(atPath: "\(hierarchy.keys.path)/epochs/.new"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(hierarchy.keys.path)/epochs").allSatisfy { !$0.hasPrefix(".") })
    }
}

@Suite("process hardening")
struct ProcessHardeningTests {
    @Test("opening the master key makes the process non-dumpable first")
    func nonDumpable() throws {
        let directory = try TemporaryDirectory()
        let hierarchy = KeyHierarchy(
            keys: KeyDirectory(path: "\(directory.path)/keys"), privateKeys: PrivateKeyDirectory(path: "\(directory.path)/private"))
        let passphrase = SecretBytes(copying: Array("correct horse battery staple".utf8))
        _ = try hierarchy.initialize(passphrase: passphrase, calendar: .monthly, now: Date())
        _ = try hierarchy.openMasterKey(passphrase: passphrase)
        #expect(!ProcessHardening.isDumpable)
    }
}

@Suite("key directory lock")
struct KeyDirectoryLockTests {
    @Test("the lock excludes other holders, and a descriptor that can only read cannot take it")
    func exclusion() throws {
        let directory = try TemporaryDirectory()
        let keys = KeyDirectory(path: "\(directory.path)/keys")
        _ = try KeyHierarchy(keys: keys, privateKeys: PrivateKeyDirectory(path: "\(directory.path)/private")).initialize(
            passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)), calendar: .monthly, now: Date())
        let lockPath = "\(keys.path)/.lock"
        try keys.withExclusiveLock {
            // Another open file description (as another process would have) is refused at once.
            let other = open(lockPath, O_RDWR | O_CLOEXEC)
            defer { close(other) }
            #expect(CInboxSystem_try_lock_exclusive(other) == -1)
            #expect(errno == EAGAIN || errno == EACCES)
            // Reentrant in the same thread.
            try keys.withExclusiveLock { #expect(CInboxSystem_try_lock_exclusive(other) == -1) }
        }
        // Free again, but never for a reader: the intake server sees the key directory read-only.
        let reader = open(lockPath, O_RDONLY | O_CLOEXEC)
        defer { close(reader) }
        #expect(CInboxSystem_try_lock_exclusive(reader) == -1)
        #expect(errno == EBADF)
        let writer = open(lockPath, O_RDWR | O_CLOEXEC)
        defer { close(writer) }
        #expect(CInboxSystem_try_lock_exclusive(writer) == 0)
    }
}
