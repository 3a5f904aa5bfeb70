// How the purge judges its own clock: a purge with a wrong clock destroys data that the law says
// must be kept, so it refuses to act when more time has passed since its last run than the timer
// (hourly) would ever leave, unless a person confirms the clock.

public struct PurgeSettings: Sendable, Equatable {
    /// The longest gap between two runs that passes without `--confirm-clock`.
    public let maxGap: RetentionDuration

    public init(maxGap: RetentionDuration = PurgeSettings.defaultMaxGap) {
        self.maxGap = maxGap
    }

    public static let defaultMaxGap = RetentionDuration(amount: 7, unit: .days)
}
