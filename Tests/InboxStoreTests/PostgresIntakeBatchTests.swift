// The arrays a group commit is sent to PostgreSQL as (PostgresIntakeFunction): one element per
// submission in every array, empty where a submission has nothing, and a submission refused
// before anything is sent when a value it has is empty (it would pass for none) or when it has a
// field the intake never writes.
import Foundation
import InboxCrypto
import NIOCore
import Testing

@testable import InboxStore

@Suite("PostgreSQL intake batch")
struct PostgresIntakeBatchTests {
    let t0 = StoreContract.t0

    @Test("one element per submission in each array, empty for what a submission lacks")
    func arrays() throws {
        let full = NewSubmission(
            reference: try Reference.random(), receivedAt: t0, sealedFields: [.question: Data([1, 2]), .email: Data([3])],
            emailIndex: EmailIndexEntry(hmac: Data([4]), epoch: 202611), language: .sv,
            origin: SubmissionOrigin(topic: "bygglov", page: "/kontakt"), isSpam: true)
        let bare = try StoreContract.submission(t0 + 1, email: false)
        let batch = try PostgresIntakeBatch([full, bare])
        #expect(batch.references == [full.reference.text, bare.reference.text])
        #expect(batch.received == [t0, t0 + 1])
        #expect(batch.spam == [true, false])
        #expect(batch.languages == ["sv", ""] && batch.topics == ["bygglov", ""] && batch.pages == ["/kontakt", ""])
        #expect(batch.questions.map { Array($0.readableBytesView) } == [[1, 2], Array(bare.sealedFields[.question] ?? Data())])
        #expect(batch.emails.map(\.readableBytes) == [1, 0] && batch.hmacs.map(\.readableBytes) == [1, 0])
        #expect(batch.epochs == [202611, 0])
    }

    @Test("a value that is there but empty, a missing question or an answer field is refused")
    func refusals() throws {
        let plain = try StoreContract.submission(t0)
        let question = plain.sealedFields[.question] ?? Data()
        let refused = [
            NewSubmission(reference: plain.reference, receivedAt: t0, sealedFields: [.question: Data()], emailIndex: nil),
            NewSubmission(
                reference: plain.reference, receivedAt: t0, sealedFields: [.question: question, .email: Data()], emailIndex: nil),
            NewSubmission(
                reference: plain.reference, receivedAt: t0, sealedFields: [.question: question],
                emailIndex: EmailIndexEntry(hmac: Data(), epoch: 1)),
            NewSubmission(
                reference: plain.reference, receivedAt: t0, sealedFields: [.question: question],
                emailIndex: nil, origin: SubmissionOrigin(topic: "")),
            NewSubmission(reference: plain.reference, receivedAt: t0, sealedFields: [.email: Data([1])], emailIndex: nil),
            NewSubmission(
                reference: plain.reference, receivedAt: t0, sealedFields: [.question: question, .answer: Data([1])], emailIndex: nil),
        ]
        for submission in refused {
            #expect(throws: StoreError.self) { try PostgresIntakeBatch([plain, submission]) }
        }
        #expect(try PostgresIntakeBatch([plain]).references.count == 1)
    }
}
