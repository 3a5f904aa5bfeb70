// Handing a message for a citizen to the relay: the answer, an interim reply or a closing message.
// A refusal is audited, since the address was used all the same, and thrown as `AnswerNotSent`;
// nothing else changes, so the command can simply be run again.
public import Foundation
import InboxPolicy
public import InboxStore

public struct MailDelivery: Sendable {
    public let audit: AuditLog

    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// What the relay said when it took the message.
    public func deliver(
        _ text: String, to address: String, reference: Reference, through sender: any MailSender, now: Date
    ) async throws -> String {
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
