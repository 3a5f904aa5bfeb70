// Answering a question by email, the whole use case: the question is opened for the purpose
// `answering` (audited), the staff member's text is kept as a sealed draft before anything is
// sent (so a failed send can be retried without retyping), the answer is sent through a
// MailSender, and only once the relay has taken it is the answer stored sealed, the record marked
// answered (which starts the policy's "after answered" clock) and the audit entry written, in one
// transaction: either both are kept or neither. A failed send changes nothing but the draft, and
// is audited too, since the address was used. An answer the relay took but that could not be
// recorded (the log was tampered with, a colleague answered first) is reported as sent, so that
// nobody sends it again.
//
// Drafts and answers are sealed by AnswerSealer: to the record's answer key of the current epoch,
// or to its hold's keys while the record is held, so that a hold keeps covering every field.
public import Foundation
import InboxCrypto
import InboxPolicy
public import InboxStore

public struct Answering: Sendable {
    /// A question opened to be answered.
    public struct Question: Sendable {
        public let opened: OpenedCase
        /// The address to write to, in full (show `opened.maskedEmail` to people).
        public let address: String
        /// The draft kept from an earlier attempt, opened.
        public let draft: String?
        public var reference: Reference { opened.record.reference }
    }

    /// An answer the relay took.
    public struct Sent: Sendable {
        /// What the relay said.
        public let relayReply: String
        /// When the policy deletes the address, counted from this answer; nil while held.
        public let addressDeletedBy: Date?
    }

    /// Opens the question for the purpose `answering`; its store, keys, master key and audit log
    /// are the ones the answer is kept, sealed and audited with.
    public let reader: CaseReader
    /// Who answers: the person a claim names.
    public let identity: StaffIdentity

    public init(reader: CaseReader, identity: StaffIdentity = .current) {
        self.reader = reader
        self.identity = identity
    }

    var policy: Policy { reader.policy }
    var store: any CaseStore { reader.store }
    var keys: KeyHierarchy { reader.keys }
    var master: MasterPrivateKey { reader.master }
    var audit: AuditLog { reader.audit }

    /// Opens `reference` to be answered. Refuses, before anything is opened, a record that was
    /// answered or closed already or has no address to write to. Claims the case first when nobody
    /// has; a case someone else claimed is refused (`CaseClaimedByOther`) unless `takeOverReason`
    /// takes it over.
    public func open(_ reference: Reference, takeOverReason: String? = nil, now: Date = Date()) async throws -> Question {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        if let answeredAt = record.answeredAt {
            throw CaseError(
                "\(reference) was answered on \(answeredAt.formatted(Date.ISO8601FormatStyle())); `inbox show \(reference)` shows the answer"
            )
        }
        if let closure = record.closure {
            throw CaseError("\(reference) was closed (\(closure.reason.rawValue)) on \(closure.at.formatted(Date.ISO8601FormatStyle()))")
        }
        guard record.fields.contains(.email) else {
            throw CaseError(
                "\(reference) has no email address (none was given, or it was deleted under the retention policy), so it cannot be answered by email"
            )
        }
        try await CaseClaims(store: store, audit: audit, identity: identity).claim(reference, takeOverReason: takeOverReason, now: now)
        let opened = try await reader.open(reference, purpose: .answering, now: now)
        guard let address = opened.email else { throw CaseError("\(reference) has no email address any more") }
        let draft = try await store.draft(of: reference).map {
            try keys.openField($0, reference: reference.text, field: .answer, master: master).utf8String
        }
        return Question(opened: opened, address: address, draft: draft)
    }

    /// Seals and keeps `text` as the record's draft, replacing an earlier one.
    public func saveDraft(_ text: String, for reference: Reference, now: Date = Date()) async throws {
        do {
            try await store.saveDraft(
                reference, sealedDraft: try await seal(text, for: reference, now: now).bytes, at: now, by: identity.person)
        } catch StoreError.claimedByOther(_, let holder?) {
            throw CaseClaimedByOther(reference: reference, claimant: holder)
        }
    }

    /// Keeps `text` as the draft, sends it, and records the answer with its audit entry. A send
    /// that fails is audited and thrown as `AnswerNotSent`; the draft stays.
    public func send(_ text: String, for question: Question, through sender: any MailSender, now: Date = Date()) async throws -> Sent {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CaseError("the answer is empty; nothing was sent")
        }
        let reference = question.reference
        try await saveDraft(text, for: reference, now: now)
        let reply = try await MailDelivery(store: store, audit: audit, identity: identity).deliver(
            text, to: question.address, reference: reference, through: sender, now: now)
        do {
            let sealed = try await seal(text, for: reference, now: now)
            try await audit.append(AuditLog.entry(action: .answer, reference: reference, purpose: .answering, at: now)) { append in
                try await store.markAnswered(
                    reference, sealedAnswer: sealed.bytes, by: identity.person, at: now, heldWith: sealed.holdKey, audit: append)
            }
        } catch {
            throw AnswerSentNotRecorded(reference: reference, cause: error)
        }
        // The draft and the working notes went with the answer: out of the WAL too. Should the
        // checkpoint fail (a long reader), the next purge's does it.
        try? await store.reclaimDeletedData()
        let deletion = policy.field(.email).deadline(received: question.opened.record.receivedAt, answered: now).date
        return Sent(relayReply: reply, addressDeletedBy: question.opened.record.hold == nil ? deletion : nil)
    }

    /// Sends an interim reply (the question was received; an answer will follow) and keeps it, sealed
    /// like the answer, with its audit entry. The case stays open; the draft of the answer is kept.
    public func sendInterim(
        _ text: String, for question: Question, through sender: any MailSender, now: Date = Date()
    ) async throws
        -> String
    {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CaseError("the interim reply is empty; nothing was sent")
        }
        let reference = question.reference
        let reply = try await MailDelivery(store: store, audit: audit, identity: identity).deliver(
            text, to: question.address, reference: reference, through: sender, now: now)
        do {
            let sealed = try await seal(text, for: reference, now: now)
            try await audit.append(AuditLog.entry(action: .interim, reference: reference, purpose: .answering, at: now)) { append in
                try await store.addNote(
                    reference, kind: .interim, author: identity.person, sealed: sealed.bytes, at: now, claimedBy: identity.person,
                    heldWith: sealed.holdKey, audit: append)
            }
        } catch {
            throw AnswerSentNotRecorded(reference: reference, cause: error, what: .interim)
        }
        return reply
    }

    func seal(_ text: String, for reference: Reference, now: Date) async throws -> (bytes: Data, holdKey: UInt32?) {
        try await AnswerSealer(store: store, keys: keys.keys).seal(text, for: reference, now: now)
    }
}

/// The relay did not take the answer: nothing was marked answered, the draft is kept.
public struct AnswerNotSent: Error, CustomStringConvertible {
    public let reference: Reference
    public let cause: any Error
    /// Why the failed attempt is not in the audit log either, if it is not.
    public var auditFailure: (any Error)? = nil

    public var description: String {
        "not sent: \(cause)" + (auditFailure.map { "; and the attempt could not be audited: \($0)" } ?? "")
    }
}

/// The relay took the answer, so the citizen has it, but it could not be recorded: the record stays
/// open with the answer as its draft. Sending it again would write to the citizen twice.
public struct AnswerSentNotRecorded: Error, CustomStringConvertible {
    /// What was sent: each leaves the record in another state.
    public enum Message: Sendable {
        case answer, interim, closing
    }

    public let reference: Reference
    public let cause: any Error
    public var what: Message = .answer

    public var description: String {
        let (name, state) =
            switch what {
            case .answer: ("the answer", "The answer is kept as the case's draft unless the case was ended meanwhile")
            case .interim: ("the interim reply", "The interim reply is not kept with the case")
            case .closing: ("the closing message", "The case stays open")
            }
        return "the relay took \(name) to \(reference), so it was sent, but it could not be recorded: \(cause). "
            + "Do not send it again. \(state); `inbox audit verify` says whether the audit log is the reason"
    }
}
