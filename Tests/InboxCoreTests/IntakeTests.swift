// The intake use case: fields in, a reference out once the writer says the submission is durable.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxStore
import InboxTestSupport
import Synchronization
import Testing

/// A writer that refuses the first `clashes` submissions as a unique constraint would (a
/// reference drawn twice), then keeps what it is given.
final class ClashingWriter: SubmissionWriter {
    let clashes: Int
    let written = Mutex<[NewSubmission]>([])
    let refused = Mutex<[Reference]>([])

    init(clashes: Int) { self.clashes = clashes }

    func write(_ submission: NewSubmission) async throws {
        let clash = refused.withLock { refused in
            guard refused.count < clashes else { return false }
            refused.append(submission.reference)
            return true
        }
        if clash {
            throw StoreError.failed(operation: "write", cause: DatabaseError(resultCode: .SQLITE_CONSTRAINT))
        }
        written.withLock { $0.append(submission) }
    }
}

@Suite("intake")
struct IntakeTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    @Test("a reference the store already has is drawn again, the fields sealed to the new one")
    func referenceDrawnTwice() async throws {
        let inbox = try InboxFixture(created: t0)
        let writer = ClashingWriter(clashes: 2)
        let intake = Intake(sealer: try IntakeSealer(keys: inbox.keys), writer: writer)
        guard case .stored(let reference) = try await intake.submit(question: "Hej?", email: nil, at: t0) else {
            Issue.record("not stored")
            return
        }
        let refused = writer.refused.withLock { $0 }
        #expect(refused.count == 2 && !refused.contains(reference))
        let written = try #require(writer.written.withLock { $0.first })
        #expect(written.reference == reference)
        // Sealed to the new reference: the header's binding is checked when it is opened.
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        let question = try #require(written.sealedFields[.question])
        #expect(try hierarchy.openField(question, reference: reference.text, field: .question, master: master).utf8String == "Hej?")
        #expect(throws: (any Error).self) {
            try hierarchy.openField(question, reference: refused[0].text, field: .question, master: master)
        }
    }

    @Test("a store that keeps refusing is not asked for ever: the third clash is the caller's")
    func givesUp() async throws {
        let inbox = try InboxFixture(created: t0)
        let intake = Intake(sealer: try IntakeSealer(keys: inbox.keys), writer: ClashingWriter(clashes: 10))
        let error = await #expect(throws: StoreError.self) { try await intake.submit(question: "Hej?", email: nil, at: t0) }
        #expect(error?.isConstraintViolation == true)
    }

    @Test("invalid fields are refused field by field, and nothing reaches the writer")
    func invalid() async throws {
        let inbox = try InboxFixture(created: t0)
        let writer = ClashingWriter(clashes: 0)
        let intake = Intake(sealer: try IntakeSealer(keys: inbox.keys), writer: writer)
        guard case .invalid(let errors) = try await intake.submit(question: " ", email: "inte en adress", at: t0) else {
            Issue.record("accepted")
            return
        }
        #expect(Set(errors.problems.keys) == [.question, .email])
        #expect(writer.written.withLock { $0.isEmpty })
    }
}
