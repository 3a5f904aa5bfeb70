// The policy's `[register]` table: how long a case's register entry is kept once its personal
// fields are gone. The entry holds no personal data (reference, received, topic, page, language,
// how and when the case ended); it is what shows that a question arrived and what became of it.

public struct RegisterSettings: Sendable, Equatable {
    /// Nil: the register is kept (bevaras) and never purged, as a diarium usually is. Otherwise the
    /// entry is deleted this long after the case was received, once no field of it remains.
    public let keep: RetentionDuration?
    /// The archival decision that allows the deletion; required when `keep` is set.
    public let archivalReference: String?

    public init(keep: RetentionDuration? = nil, archivalReference: String? = nil) {
        self.keep = keep
        self.archivalReference = archivalReference
    }
}
