// A record as the store keeps it in clear: its reference, event times, status and hold. Nothing
// here is personal data, so listing and purging need no key.
public import Foundation
public import InboxCrypto

public struct StoredRecord: Sendable, Equatable {
    public let reference: Reference
    public let status: RecordStatus
    public let receivedAt: Date
    public let answeredAt: Date?
    public let hold: Hold?
    /// The sealed fields the record still has.
    public let fields: Set<RecordField>
    /// Who works on the case now; nil while nobody has claimed it.
    public let claim: CaseClaim?
    /// How the case ended without an answer; nil unless `status` is `.closed`.
    public let closure: CaseClosure?
    /// The language of the form the question came from; nil for records taken before it was kept.
    public let language: CaseLanguage?
    /// The topic the citizen chose on the form (a policy's `[topics.NAME]`); nil: none.
    public let topic: String?
    /// The path of the agency's page the question was asked from; nil: the form's own page.
    public let page: String?
    /// When the case became spam (received with the trap filled in, or marked); nil unless `.spam`.
    public let markedSpamAt: Date?

    public init(
        reference: Reference, status: RecordStatus, receivedAt: Date, answeredAt: Date?, hold: Hold?, fields: Set<RecordField>,
        claim: CaseClaim? = nil, closure: CaseClosure? = nil, language: CaseLanguage? = nil, topic: String? = nil, page: String? = nil,
        markedSpamAt: Date? = nil
    ) {
        self.reference = reference
        self.status = status
        self.receivedAt = receivedAt
        self.answeredAt = answeredAt
        self.hold = hold
        self.fields = fields
        self.claim = claim
        self.closure = closure
        self.language = language
        self.topic = topic
        self.page = page
        self.markedSpamAt = markedSpamAt
    }

    /// Answered, closed or spam: nothing more is sent, and working notes are gone.
    public var hasEnded: Bool { status != .open }
}

/// Where a case is: open until answered or closed without an answer; spam when the form's trap
/// caught it or staff found it to be spam (`inbox not-spam` opens it again).
public enum RecordStatus: String, Sendable, CaseIterable {
    case open, answered, closed, spam
}

/// A legal hold: the record is kept, whatever the policy says, until released.
public struct Hold: Sendable, Equatable {
    public let reason: String
    public let since: Date
    /// The id of the hold's own keys, which the record's fields are sealed to; nil for a hold
    /// placed before holds had keys of their own (sealed to the shared hold epoch 0).
    public let keyID: UInt32?

    public init(reason: String, since: Date, keyID: UInt32? = nil) {
        self.reason = reason
        self.since = since
        self.keyID = keyID
    }
}
