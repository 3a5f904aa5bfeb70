// A real inbox on disk for core tests: keys made by the key hierarchy, a migrated SQLite file, the
// shipped default policy, and submissions sealed exactly as the intake server seals them.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxTestSupport

@testable import InboxStore

final class InboxFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let defaultPolicyPath = repositoryRoot.appendingPathComponent("policy/default.toml").path
    static let day: TimeInterval = 86_400

    let directory: TemporaryDirectory
    let keys: KeyDirectory
    let store: SQLiteStore
    var policy: LoadedPolicy
    let created: Date

    /// An inbox created at `created`.
    init(created: Date, policyText: String? = nil) throws {
        directory = try TemporaryDirectory()
        let hierarchy = KeyHierarchy(
            keys: KeyDirectory(path: "\(directory.path)/keys"), privateKeys: PrivateKeyDirectory(path: "\(directory.path)/private"))
        _ = try hierarchy.initialize(
            passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)), calendar: .monthly, now: created)
        keys = hierarchy.keys
        store = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        self.created = created
        if let policyText {
            let path = try directory.write("policy.toml", policyText)
            policy = try LoadedPolicy.load(path: path)
        } else {
            policy = try LoadedPolicy.load(path: Self.defaultPolicyPath)
        }
    }

    var databasePath: String { "\(directory.path)/inbox.sqlite" }

    func usePolicy(_ text: String) throws {
        let path = try directory.write("policy-\(UUID().uuidString).toml", text)
        policy = try LoadedPolicy.load(path: path)
    }

    /// The audit log every use case of these tests writes to.
    var audit: AuditLog { AuditLog(store: store, keys: keys) }

    /// The purge, without the boot-clock check: these tests move the wall clock by hand.
    var purge: Purge {
        var purge = Purge(policy: policy, store: store, keys: keys, audit: audit)
        purge.bootTime = { nil }
        return purge
    }

    /// An online backup of the database, as deploy/README.md has the operator take one.
    func copyDatabase() throws -> String {
        let path = "\(directory.path)/backup-\(UUID().uuidString).sqlite"
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        return path
    }

    /// Restores a backup into the live database (SQLite's backup API, page by page, in one
    /// transaction), as a restore with the server stopped would leave it.
    func restoreDatabase(from path: String) throws {
        try DatabaseQueue(path: path).backup(to: store.pool)
    }

    /// What the operator does after a restore: accept the logs as the backup ends them.
    func acceptRestoredLogs(at date: Date = Date()) async throws {
        _ = try await AuditLog(store: store, keys: keys).chain.acceptRestoredEnd(reason: "restored in a test", at: date)
        _ = try await PurgeLog(store: store, keys: keys).chain.acceptRestoredEnd(reason: "restored in a test", at: date)
    }

    /// Seals and stores a submission received at `date`, returning its reference and sealed bytes.
    @discardableResult
    func submit(
        at date: Date, email: String? = "anna@example.se", question: String = "Hur söker jag bygglov?", isSpam: Bool = false
    ) async throws -> (
        reference: Reference, sealed: [RecordField: Data]
    ) {
        try await Self.submit(to: store, keys: keys, at: date, email: email, question: question, isSpam: isSpam)
    }

    /// The same, for callers on other tasks (the fixture itself is not Sendable).
    static func submit(
        to store: SQLiteStore, keys: KeyDirectory, at date: Date, email: String?, question: String, isSpam: Bool = false
    ) async throws -> (
        reference: Reference, sealed: [RecordField: Data]
    ) {
        let reference = try Reference.random()
        let epoch = try keys.calendar().epoch(containing: date)
        var sealed: [RecordField: Data] = [
            .question: try keys.publicKey(epoch: epoch, field: .question).seal(Array(question.utf8), reference: reference.text).data
        ]
        var index: EmailIndexEntry? = nil
        if let email {
            sealed[.email] = try keys.publicKey(epoch: epoch, field: .email).seal(Array(email.utf8), reference: reference.text).data
            let hmac = try HMACSHA256.authenticationCode(for: Array(email.utf8), key: keys.indexKey(epoch: epoch))
            index = EmailIndexEntry(hmac: Data(hmac), epoch: epoch)
        }
        try await store.insert([
            NewSubmission(reference: reference, receivedAt: date, sealedFields: sealed, emailIndex: index, isSpam: isSpam)
        ])
        return (reference, sealed)
    }

    /// The record answered at `date`, as `inbox answer` records it: with its audit entry, in one
    /// transaction (the answer's bytes do not matter to these tests).
    func markAnswered(_ reference: Reference, at date: Date) async throws {
        let store = self.store
        try await audit.append(AuditLog.entry(action: .answer, reference: reference, purpose: .answering, at: date)) { append in
            try await store.markAnswered(reference, sealedAnswer: Data([1, 2, 3]), by: "staff", at: date, heldWith: nil, audit: append)
        }
    }

    /// Sets or clears a hold marker in the database alone, as a restored backup (or someone with
    /// the database's write access) would leave it, without the hold's keys.
    func setHoldMarker(_ reference: Reference, hold: Hold?) async throws {
        try await store.pool.write { db in try SQLiteStore.setHold(db, recordID: try SQLiteStore.recordID(db, reference), hold: hold) }
    }

    /// Every byte of the database file and its WAL (and with `sharedMemory`, the -shm index,
    /// which readers update), for scanning.
    func databaseBytes(sharedMemory: Bool = true) throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: databasePath))
        for suffix in sharedMemory ? ["-wal", "-shm"] : ["-wal"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            bytes += try Data(contentsOf: URL(fileURLWithPath: databasePath + suffix))
        }
        return bytes
    }
}
