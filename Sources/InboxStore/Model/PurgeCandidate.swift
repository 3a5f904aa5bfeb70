// A field that may have passed its deadline, with what the purge needs to decide exactly.
public import Foundation
public import InboxCrypto

public struct PurgeCandidate: Sendable, Equatable {
    public let recordID: Int64
    public let reference: Reference
    public let field: RecordField
    public let receivedAt: Date
    public let answeredAt: Date?
    public let closedAt: Date?
    /// When the record became spam, for the policy's spam rule.
    public let markedSpamAt: Date?

    public init(
        recordID: Int64, reference: Reference, field: RecordField, receivedAt: Date, answeredAt: Date?, closedAt: Date? = nil,
        markedSpamAt: Date? = nil
    ) {
        self.recordID = recordID
        self.reference = reference
        self.field = field
        self.receivedAt = receivedAt
        self.answeredAt = answeredAt
        self.closedAt = closedAt
        self.markedSpamAt = markedSpamAt
    }
}

/// Which event a candidate query counts from.
public enum CandidateEvent: Sendable {
    case received, answered, closed

    /// The column of `sealed_fields` that holds this event's time, the same on every engine.
    var column: String {
        switch self {
        case .received: "received_at"
        case .answered: "answered_at"
        case .closed: "closed_at"
        }
    }
}
