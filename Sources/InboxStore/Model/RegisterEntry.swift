// A case's entry in the register: what shows that a question arrived and what became of it, with
// no personal data, kept by the policy's `[register]` rule after the case's fields are gone.
public import Foundation
public import InboxCrypto

public struct RegisterEntry: Sendable, Equatable {
    public let reference: Reference
    public let receivedAt: Date
    public let language: CaseLanguage?
    public let topic: String?
    public let page: String?
    /// How the case stands or ended: open, answered, closed or spam. An erasure does not change
    /// it (the question was answered even if the answer is gone): `erasedAt` says so.
    public let outcome: RecordStatus
    /// Why it was closed without an answer, for `.closed`.
    public let closeReason: CloseReason?
    /// When it was answered, closed or became spam; nil while open.
    public let endedAt: Date?
    /// The first message the citizen was sent: an interim reply, the answer or a forward's message.
    public let firstReplyAt: Date?
    /// When its data was erased on request.
    public let erasedAt: Date?
    /// When the last of its fields went (by the purge or an erasure); nil while the case has data.
    public let deletedAt: Date?

    public init(
        reference: Reference, receivedAt: Date, language: CaseLanguage?, topic: String?, page: String?, outcome: RecordStatus,
        closeReason: CloseReason?, endedAt: Date?, firstReplyAt: Date?, erasedAt: Date?, deletedAt: Date?
    ) {
        self.reference = reference
        self.receivedAt = receivedAt
        self.language = language
        self.topic = topic
        self.page = page
        self.outcome = outcome
        self.closeReason = closeReason
        self.endedAt = endedAt
        self.firstReplyAt = firstReplyAt
        self.erasedAt = erasedAt
        self.deletedAt = deletedAt
    }

    /// The outcome as the register shows it: `erased` once erased on request, otherwise the status.
    public var shownOutcome: String { erasedAt == nil ? outcome.rawValue : "erased" }
}
