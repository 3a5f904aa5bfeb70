// What the case gauges say about the inbox at one moment: counts and ages only, so that nothing in
// the textfile (a value, a label or a name) can identify a citizen or a case.

/// The state of the inbox's cases when the staff command looked, for node_exporter's textfile
/// collector. Every value is a count or a number of seconds.
public struct CaseGauges: Sendable, Equatable {
    /// Cases not yet answered or closed.
    public var openCases: Int
    /// Open cases that no member of staff has claimed.
    public var unclaimedOpenCases: Int
    /// Open cases past the answer deadline the policy sets.
    public var overdueCases: Int
    /// How long the oldest open case has waited, in seconds; 0 when no case is open.
    public var oldestOpenCaseAgeSeconds: Int
    /// Reply addresses that the retention policy deletes within 7 days although their case was
    /// never answered: the citizen can then no longer be answered at all.
    public var addressesDeletedUnansweredWithin7Days: Int

    public init(
        openCases: Int, unclaimedOpenCases: Int, overdueCases: Int, oldestOpenCaseAgeSeconds: Int,
        addressesDeletedUnansweredWithin7Days: Int
    ) {
        self.openCases = openCases
        self.unclaimedOpenCases = unclaimedOpenCases
        self.overdueCases = overdueCases
        self.oldestOpenCaseAgeSeconds = oldestOpenCaseAgeSeconds
        self.addressesDeletedUnansweredWithin7Days = addressesDeletedUnansweredWithin7Days
    }
}
