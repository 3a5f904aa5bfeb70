// Handing a message for a citizen to the relay: the answer, an interim reply or a closing message.
// Right before it leaves, the store confirms that the case is still open and still the sender's:
// minutes in an editor may have passed, and a colleague who took the case over (or answered or
// closed it) meanwhile must not be written over to the citizen. A refusal by the relay is audited,
// since the address was used all the same, and thrown as `AnswerNotSent`; nothing else changes, so
// the command can simply be run again.
public import Foundation
import InboxPolicy
public import InboxStore

public struct MailDelivery: Sendable {
    public let store: any CaseStore
    public let audit: AuditLog
    public let identity: StaffIdentity

    public init(store: any CaseStore, audit: AuditLog, identity: StaffIdentity) {
        self.store = store
        self.audit = audit
        self.identity = identity
    }

    /// What the relay said when it took the message.
    public func deliver(
        _ text: String, to address: String, reference: Reference, through sender: any MailSender, now: Date
    ) async throws -> String {
        do {
            try await store.confirmClaim(reference, by: identity.person)
        } catch StoreError.claimedByOther(_, let holder?) {
            throw CaseClaimedByOther(reference: reference, claimant: holder)
        } catch StoreError.conflict(_, let what) {
            throw CaseError("\(reference) \(what); nothing was sent")
        }
        do {
            return try await sender.sendAnswer(text, to: address, reference: reference)
        } catch {
            do {
                try await audit.append(AuditLog.entry(action: .answerFailed, reference: reference, purpose: .answering, at: now))
            } catch let auditFailure {
                throw AnswerNotSent(reference: reference, cause: error, auditFailure: auditFailure)
            }
            throw AnswerNotSent(reference: reference, cause: error)
        }
    }
}
