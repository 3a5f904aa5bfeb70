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
// Drafts and answers are sealed to the record's answer key of the current epoch, or to its hold's
// keys while the record is held, so that a hold keeps covering every field of the record.
public import Foundation
public import InboxCrypto
public import InboxPolicy
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

    public init(reader: CaseReader) {
        self.reader = reader
    }

    var policy: Policy { reader.policy }
    var store: any CaseStore { reader.store }
    var keys: KeyHierarchy { reader.keys }
    var master: MasterPrivateKey { reader.master }
    var audit: AuditLog { reader.audit }

    /// Opens `reference` to be answered. Refuses, before anything is opened, a record that was
    /// answered already or has no address to write to.
    public func open(_ reference: Reference, now: Date = Date()) async throws -> Question {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        if let answeredAt = record.answeredAt {
            throw CaseError(
                "\(reference) was answered on \(answeredAt.formatted(Date.ISO8601FormatStyle())); `inbox show \(reference)` shows the answer"
            )
        }
        guard record.fields.contains(.email) else {
            throw CaseError(
                "\(reference) has no email address (none was given, or it was deleted under the retention policy), so it cannot be answered by email"
            )
        }
        let opened = try await reader.open(reference, purpose: .answering, now: now)
        guard let address = opened.email else { throw CaseError("\(reference) has no email address any more") }
        let draft = try await store.draft(of: reference).map {
            try keys.openField($0, reference: reference.text, field: .answer, master: master).utf8String
        }
        return Question(opened: opened, address: address, draft: draft)
    }

    /// Seals and keeps `text` as the record's draft, replacing an earlier one.
    public func saveDraft(_ text: String, for reference: Reference, now: Date = Date()) async throws {
        try await store.saveDraft(reference, sealedDraft: try await seal(text, for: reference, now: now).bytes, at: now)
    }

    /// Keeps `text` as the draft, sends it, and records the answer with its audit entry. A send
    /// that fails is audited and thrown as `AnswerNotSent`; the draft stays.
    public func send(_ text: String, for question: Question, through sender: any MailSender, now: Date = Date()) async throws -> Sent {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CaseError("the answer is empty; nothing was sent")
        }
        let reference = question.reference
        try await saveDraft(text, for: reference, now: now)
        let reply: String
        do {
            reply = try await sender.sendAnswer(text, to: question.address, reference: reference)
        } catch {
            do {
                try await audit.append(AuditLog.entry(action: .answerFailed, reference: reference, purpose: .answering, at: now))
            } catch let auditFailure {
                throw AnswerNotSent(reference: reference, cause: error, auditFailure: auditFailure)
            }
            throw AnswerNotSent(reference: reference, cause: error)
        }
        do {
            let sealed = try await seal(text, for: reference, now: now)
            try await audit.append(AuditLog.entry(action: .answer, reference: reference, purpose: .answering, at: now)) { append in
                try await store.markAnswered(reference, sealedAnswer: sealed.bytes, at: now, heldWith: sealed.holdKey, audit: append)
            }
        } catch {
            throw AnswerSentNotRecorded(reference: reference, cause: error)
        }
        let deletion = policy.field(.email).deadline(received: question.opened.record.receivedAt, answered: now).date
        return Sent(relayReply: reply, addressDeletedBy: question.opened.record.hold == nil ? deletion : nil)
    }

    /// Seals to the hold's keys while the record is held, else to the current epoch's answer key;
    /// returns the hold key sealed to (nil: not held), which recording the answer checks again. The
    /// record is read again here: minutes in an editor may have passed since it was opened, and a
    /// colleague may have held it meanwhile.
    private func seal(_ text: String, for reference: Reference, now: Date) async throws -> (bytes: Data, holdKey: UInt32?) {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        let epoch: UInt32
        let holdKey: UInt32?
        if record.hold != nil {
            // Held: to the hold's own keys (as the register in the key directory names them).
            epoch =
                try HoldRegister(keys: keys.keys).activeHoldKey(of: reference, releases: ReleaseList(keys: keys.keys))
                ?? SealedField.legacyHoldEpoch
            holdKey = epoch
        } else {
            try keys.keys.createMissingEpochs(now: now)
            epoch = try keys.keys.calendar().epoch(containing: now)
            holdKey = nil
        }
        let sealed = try keys.keys.publicKey(epoch: epoch, field: .answer).seal(Array(text.utf8), reference: reference.text).data
        return (sealed, holdKey)
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
    public let reference: Reference
    public let cause: any Error

    public var description: String {
        "the relay took the answer to \(reference), so it was sent, but it could not be recorded: \(cause). "
            + "Do not send it again. The record stays open with the answer kept as its draft; "
            + "`inbox audit verify` says whether the audit log is the reason"
    }
}
