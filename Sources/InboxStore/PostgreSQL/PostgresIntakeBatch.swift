// A group commit as the arrays `intake_insert_submissions` takes, one element per submission
// (PostgresIntakeFunction: what a submission lacks is an empty value, as no array holds a NULL).
import Foundation
import InboxCrypto
import NIOCore

struct PostgresIntakeBatch {
    /// A submission with a field the intake never writes (an answer): refused before anything is sent.
    struct UnexpectedField: Error, CustomStringConvertible {
        let field: RecordField
        var description: String { "the intake writes a question and an address, not a field \(field.rawValue)" }
    }

    /// A submission without its question.
    struct MissingQuestion: Error, CustomStringConvertible {
        var description: String { "a submission has no question" }
    }

    /// A value given but empty, which the function would read as absent (`what` names it).
    struct EmptyValue: Error, CustomStringConvertible {
        let what: String
        var description: String { "a submission's \(what) is empty" }
    }

    var references: [String] = []
    var received: [Date] = []
    var spam: [Bool] = []
    var languages: [String] = []
    var topics: [String] = []
    var pages: [String] = []
    var questions: [ByteBuffer] = []
    var emails: [ByteBuffer] = []
    var hmacs: [ByteBuffer] = []
    var epochs: [Int64] = []

    init(_ submissions: [NewSubmission]) throws {
        for submission in submissions {
            for field in submission.sealedFields.keys where field != .question && field != .email {
                throw StoreError.failed(operation: "write", cause: UnexpectedField(field: field))
            }
            guard let question = submission.sealedFields[.question] else {
                throw StoreError.failed(operation: "write", cause: MissingQuestion())
            }
            // Empty stands for absent in the arrays: a value given but empty must not pass as none.
            for (what, value) in [
                ("topic", submission.origin.topic.map(\.isEmpty)), ("page", submission.origin.page.map(\.isEmpty)),
                ("sealed question", question.isEmpty), ("sealed address", submission.sealedFields[.email].map(\.isEmpty)),
                ("index entry", submission.emailIndex.map(\.hmac.isEmpty)),
            ] where value == true {
                throw StoreError.failed(operation: "write", cause: EmptyValue(what: what))
            }
            references.append(submission.reference.text)
            received.append(PostgresStore.stored(submission.receivedAt))
            spam.append(submission.isSpam)
            languages.append(submission.language?.rawValue ?? "")
            topics.append(submission.origin.topic ?? "")
            pages.append(submission.origin.page ?? "")
            questions.append(ByteBuffer(bytes: question))
            emails.append(ByteBuffer(bytes: submission.sealedFields[.email] ?? Data()))
            hmacs.append(ByteBuffer(bytes: submission.emailIndex?.hmac ?? Data()))
            epochs.append(Int64(submission.emailIndex?.epoch ?? 0))
        }
    }
}
