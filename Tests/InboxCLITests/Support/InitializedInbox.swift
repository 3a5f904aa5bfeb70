// An inbox made by the real `inbox keys init`, with helpers to run `inbox` on it (optionally at
// another time, through faketime) and to store submissions as the intake server would.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxTestSupport

@testable import InboxStore

final class InitializedInbox {
    static let faketime = "/usr/bin/faketime"

    let directory: TemporaryDirectory
    let passphraseFile: String
    var dataDirectory: String { "\(directory.path)/data" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        directory = try TemporaryDirectory()
        let passphrase = try directory.write("passphrase", "correct horse battery staple\n")
        passphraseFile = passphrase
        let result = try InboxExecutable.run(
            [
                "keys", "init", "--data-dir", "\(directory.path)/data", "--passphrase-file", passphrase, "--policy",
                PolicyCommandTests.defaultPolicy,
            ])
        guard result.status == 0 else { throw Failure(description: result.standardError) }
    }

    /// Runs `inbox` shifted by `offset` (faketime's syntax: "+31d"), with no passphrase anywhere.
    func run(_ arguments: [String], at offset: String? = nil) throws -> ProgramResult {
        let common = ["--data-dir", dataDirectory, "--policy", PolicyCommandTests.defaultPolicy]
        guard let offset else { return try InboxExecutable.run(arguments + common) }
        return try runProgram(Self.faketime, ["-f", offset, InboxExecutable.path] + arguments + common, environment: [:])
    }

    func store() throws -> SQLiteStore { try SQLiteStore(path: "\(dataDirectory)/inbox.sqlite") }

    /// Stores a sealed submission received now, as the intake server would.
    func submit(email: Bool = true, question: String = "Fråga?") async throws -> Reference {
        let keys = KeyDirectory(path: "\(dataDirectory)/keys")
        let reference = try Reference.random()
        let epoch = try keys.calendar().epoch(containing: Date())
        var sealed = [
            RecordField.question: try keys.publicKey(epoch: epoch, field: .question).seal(Array(question.utf8), reference: reference.text)
                .data
        ]
        if email {
            sealed[.email] = try keys.publicKey(epoch: epoch, field: .email).seal(Array("a@example.se".utf8), reference: reference.text)
                .data
        }
        try await store().insert([NewSubmission(reference: reference, receivedAt: Date(), sealedFields: sealed, emailIndex: nil)])
        return reference
    }

    /// Validates, seals and indexes a submission exactly as the intake server does.
    func submitThroughIntake(email: String?, question: String = "Fråga?") async throws -> Reference {
        let valid = try SubmissionValidator.validate(question: question, email: email).get()
        let reference = try Reference.random()
        let sealer = try IntakeSealer(keys: KeyDirectory(path: "\(dataDirectory)/keys"))
        try await store().insert([try sealer.seal(valid, reference: reference, receivedAt: Date())])
        return reference
    }

    /// The record answered now, as `inbox answer` records it: with its audit entry.
    func markAnswered(_ reference: Reference) async throws {
        let store = try store()
        let now = Date()
        let audit = AuditLog(store: store, keys: KeyDirectory(path: "\(dataDirectory)/keys"))
        try await audit.append(AuditLog.entry(action: .answer, reference: reference, purpose: .answering, at: now)) { append in
            try await store.markAnswered(reference, sealedAnswer: Data([1]), by: "staff", at: now, heldWith: nil, audit: append)
        }
    }

    /// A hold marker set in the database alone (without the hold's keys), as a restored backup
    /// could leave it.
    func setHoldMarker(_ reference: Reference, reason: String) async throws {
        let milliseconds = Int64(Date().timeIntervalSince1970 * 1000)
        try await store().pool.write { db in
            try db.execute(
                sql: "UPDATE records SET held_at = ?, hold_reason = ? WHERE reference = ?",
                arguments: [milliseconds, reason, reference.text])
        }
    }
}
