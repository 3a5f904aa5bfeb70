// The policy's `[spam]` table: how long a submission that filled in the form's hidden trap field,
// or that staff marked as spam, is kept. It is a public record from the moment it arrived, so it is
// stored like any other question and destroyed only under its own archival decision.

public struct SpamSettings: Sendable, Equatable {
    /// Counted from the moment the submission became spam: received with the trap filled in, or
    /// marked by staff (`inbox spam`). `inbox not-spam` returns it to the queue and stops the count.
    public let keep: RetentionDuration
    /// The archival decision (gallringsbeslut) that allows the destruction.
    public let archivalReference: String

    public init(keep: RetentionDuration, archivalReference: String) {
        self.keep = keep
        self.archivalReference = archivalReference
    }

    public var ruleDescription: String { "spam: \(keep) after marked as spam" }
}
