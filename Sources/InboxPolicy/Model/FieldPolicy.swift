// How long one field is kept, why, and for what it may be opened.
public import Foundation

public struct FieldPolicy: Sendable, Equatable {
    public let field: PolicyField
    /// What is kept, in the citizen's words.
    public let description: LocalizedText
    /// The one purpose the field is stored for.
    public let purpose: String
    /// The purposes for which the field may be opened; a request for any other is refused.
    public let openedFor: [String]
    public let retention: [RetentionRule]
    /// The longest the field is ever kept, counted from receipt (from the entry's time for audit).
    public let hardMaximum: RetentionDuration
    /// The archival decision (gallringsbeslut) that allows the deletion.
    public let archivalReference: String

    /// When a field must be gone, and which rule says so.
    public struct Deadline: Sendable, Equatable {
        public let date: Date
        /// "30 days after answered" or "hard maximum 90 days after received".
        public let rule: String
        /// When the spam rule decided: the time the case became spam that it counted from. A
        /// deletion by this rule holds only while the case is still spam since then.
        public var spamSince: Date? = nil
    }

    /// The deadline of this field for a record with these event times: the earliest of every rule
    /// whose event has happened, and the hard maximum from receipt. A case that was never closed
    /// without an answer passes `closed: nil`, so an `after = "closed"` rule does not apply to it.
    public func deadline(received: Date, answered: Date?, closed: Date? = nil) -> Deadline {
        let origin = field == .audit ? RetentionEvent.recorded : .received
        var best = Deadline(date: hardMaximum.added(to: received), rule: "hard maximum \(hardMaximum) after \(origin.rawValue)")
        for rule in retention {
            let start: Date? =
                switch rule.event {
                case .received, .recorded: received
                case .answered: answered
                case .closed: closed
                }
            guard let start else { continue }
            let date = rule.keep.added(to: start)
            // On a tie the rule is named: it is the reason, the hard maximum only the backstop.
            if date <= best.date { best = Deadline(date: date, rule: rule.description) }
        }
        return best
    }
}
