// What the inbox stores that the policy governs: the three sealed fields of a record and the
// entries of the audit log.

public enum PolicyField: String, Sendable, CaseIterable {
    case email, question, answer, audit

    /// The events a retention rule of this field may count from.
    public var events: [RetentionEvent] {
        self == .audit ? [.recorded] : [.received, .answered, .closed]
    }
}

/// The moments a retention period counts from. Erasure on request is not a rule: it deletes every
/// field of the record at once.
public enum RetentionEvent: String, Sendable, CaseIterable {
    /// The citizen's submission was stored.
    case received
    /// Staff sent the answer.
    case answered
    /// The case was closed without an answer: forwarded to another agency, or no answer needed.
    case closed
    /// An audit entry was written.
    case recorded
}
