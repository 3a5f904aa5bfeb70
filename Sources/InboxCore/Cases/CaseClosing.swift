// Closing a case without an answer: the question belongs to another agency (which the citizen may
// be told in a message sent like an answer: the duty to help a person find the right authority),
// or it needs no answer. The close is a retention event of its own (`after = "closed"`), recorded
// in one transaction with its audit entry; working notes and the draft go with it.
public import Foundation
import InboxPolicy
public import InboxStore

public struct CaseClosing: Sendable {
    public let sealer: AnswerSealer
    public let audit: AuditLog
    public let identity: StaffIdentity

    public init(sealer: AnswerSealer, audit: AuditLog, identity: StaffIdentity = .current) {
        self.sealer = sealer
        self.audit = audit
        self.identity = identity
    }

    var store: any CaseStore { sealer.store }

    /// Closes `reference` without sending anything. A case nobody claimed is taken by the closer
    /// (audited as a claim); a colleague's claim must be taken over first (`inbox claim --take-over`).
    public func close(_ reference: Reference, reason: CloseReason, forwardedTo: String?, now: Date = Date()) async throws {
        let forwardedTo = try Self.checked(reason: reason, forwardedTo: forwardedTo)
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        guard record.status == .open else { throw CaseError("\(reference) is \(record.status.rawValue) already") }
        try await CaseClaims(store: store, audit: audit, identity: identity).claim(reference, now: now)
        let closure = CaseClosure(reason: reason, at: now, forwardedTo: forwardedTo)
        try await audit.append(entry(reference, closure)) { append in
            try await store.markClosed(
                reference, closure: closure, sealedMessage: nil, by: identity.person, heldWith: record.hold.map { $0.keyID ?? 0 },
                audit: append)
        }
        // The draft and the working notes went with the close: out of the WAL too (else the next purge).
        try? await store.reclaimDeletedData()
    }

    /// Sends `message` to the citizen (the question opened for `answering` by `Answering.open`, which
    /// claimed it), then closes the case keeping the message sealed as its answer. A failed send
    /// changes nothing.
    public func close(
        _ question: Answering.Question, reason: CloseReason, forwardedTo: String?, message: String, through sender: any MailSender,
        now: Date = Date()
    ) async throws -> String {
        let forwardedTo = try Self.checked(reason: reason, forwardedTo: forwardedTo)
        guard !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CaseError("the message is empty; nothing was sent and the case is still open")
        }
        let reference = question.reference
        let reply = try await MailDelivery(store: store, audit: audit, identity: identity).deliver(
            message, to: question.address, reference: reference, through: sender, now: now)
        do {
            let sealed = try await sealer.seal(message, for: reference, now: now)
            let closure = CaseClosure(reason: reason, at: now, forwardedTo: forwardedTo)
            try await audit.append(entry(reference, closure)) { append in
                try await store.markClosed(
                    reference, closure: closure, sealedMessage: sealed.bytes, by: identity.person, heldWith: sealed.holdKey, audit: append)
            }
        } catch {
            throw AnswerSentNotRecorded(reference: reference, cause: error, what: .closing)
        }
        try? await store.reclaimDeletedData()
        return reply
    }

    private func entry(_ reference: Reference, _ closure: CaseClosure) -> AuditEntry {
        let reason = closure.forwardedTo.map { "\(closure.reason.rawValue) to \($0)" } ?? closure.reason.rawValue
        return AuditLog.entry(action: .close, reference: reference, purpose: .answering, reason: reason, at: closure.at, identity: identity)
    }

    /// A forward names the agency (one line, at most 200 characters); no other reason takes one.
    static func checked(reason: CloseReason, forwardedTo: String?) throws -> String? {
        let name = forwardedTo?.trimmingCharacters(in: .whitespaces)
        switch reason {
        case .forwarded:
            guard let name, !name.isEmpty else { throw CaseError("--reason forwarded needs --to NAME: the agency the question went to") }
            guard name.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw CaseError("--to takes one line of at most 200 characters: the agency's name")
            }
            return name
        case .noAnswerNeeded:
            guard name == nil else { throw CaseError("--to goes with --reason forwarded only") }
            return nil
        }
    }
}
