// `inbox purge` with the real executable, moved through time with faketime (Debian's faketime).
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("inbox purge (the real executable, faketime)")
struct PurgeCommandTests {
    static let faketime = "/usr/bin/faketime"
    let directory: TemporaryDirectory
    var dataDirectory: String { "\(directory.path)/data" }

    init() throws {
        directory = try TemporaryDirectory()
        let passphrase = try directory.write("passphrase", "correct horse battery staple\n")
        let result = try InboxExecutable.run(
            [
                "keys", "init", "--data-dir", "\(directory.path)/data", "--passphrase-file", passphrase, "--policy",
                PolicyCommandTests.defaultPolicy,
            ])
        guard result.status == 0 else { throw TestFailure(result.standardError) }
    }

    struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `inbox` shifted by `offset` (faketime's syntax: "+31d"), with no passphrase anywhere.
    func inbox(_ arguments: [String], at offset: String? = nil) throws -> ProgramResult {
        let common = ["--data-dir", dataDirectory, "--policy", PolicyCommandTests.defaultPolicy]
        guard let offset else { return try InboxExecutable.run(arguments + common) }
        return try runProgram(Self.faketime, ["-f", offset, InboxExecutable.path] + arguments + common, environment: [:])
    }

    /// Stores a sealed submission received now, as the intake server would.
    func submit() throws -> Reference {
        let keys = KeyDirectory(path: "\(dataDirectory)/keys")
        let store = try SQLiteStore(path: "\(dataDirectory)/inbox.sqlite")
        let reference = try Reference.random()
        let epoch = try keys.calendar().epoch(containing: Date())
        let sealed = [
            RecordField.email: try keys.publicKey(epoch: epoch, field: .email).seal(Array("a@example.se".utf8), reference: reference.text)
                .data,
            .question: try keys.publicKey(epoch: epoch, field: .question).seal(Array("Fråga?".utf8), reference: reference.text).data,
        ]
        try store.insert([NewSubmission(reference: reference, receivedAt: Date(), sealedFields: sealed, emailIndex: nil)])
        return reference
    }

    @Test("purge runs right after keys init, without a passphrase, and is a no-op")
    func afterInit() throws {
        let result = try inbox(["purge"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Deleted fields: 0 email, 0 question, 0 answer"))
    }

    @Test("on a filled store, 91 days on, the address goes and the question stays; two years on, the record goes")
    func filledStore() throws {
        let reference = try submit()
        let store = try SQLiteStore(path: "\(dataDirectory)/inbox.sqlite")

        let early = try inbox(["purge"], at: "+31d")
        #expect(early.status == 0, "\(early.standardError)")
        #expect(try store.record(reference)?.fields == [.email, .question])

        let dryRun = try inbox(["purge", "--dry-run", "--as-of", ISO8601DateFormatter().string(from: Date() + 91 * 86_400)])
        #expect(dryRun.status == 0)
        #expect(dryRun.standardOutput.contains("delete  \(reference)  email"))
        #expect(dryRun.standardOutput.contains("(hard maximum 90 days after received)"))
        #expect(try store.record(reference)?.fields == [.email, .question])

        let later = try inbox(["purge"], at: "+91d")
        #expect(later.status == 0, "\(later.standardError)")
        #expect(later.standardOutput.contains("Deleted fields: 1 email, 0 question, 0 answer"))
        #expect(try store.record(reference)?.fields == [.question])

        let muchLater = try inbox(["purge"], at: "+731d")
        #expect(muchLater.status == 0, "\(muchLater.standardError)")
        #expect(try store.record(reference) == nil)
        #expect(muchLater.standardOutput.contains("Keys destroyed:"))
        #expect(!muchLater.standardOutput.contains("Keys destroyed: none"))
    }

    @Test("--as-of without --dry-run is refused")
    func asOfNeedsDryRun() throws {
        let result = try inbox(["purge", "--as-of", "2030-01-01"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--as-of plans ahead and needs --dry-run"))
    }

    @Test("an unusable database is a clear error and a non-zero exit")
    func unusableDatabase() throws {
        try Data("this is not a database".utf8).write(to: URL(fileURLWithPath: "\(dataDirectory)/inbox.sqlite"))
        let result = try inbox(["purge"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("cannot open the database"))
    }
}
