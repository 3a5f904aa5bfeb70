// The days an export or a statistic covers: from the start of one Swedish day to the end of
// another, both included, as an agency's diarium counts them. Either end may be open.
public import Foundation
public import InboxTime

public struct RegisterPeriod: Sendable, Equatable {
    public let from: CalendarDay?
    public let to: CalendarDay?

    public init(from: CalendarDay? = nil, to: CalendarDay? = nil) {
        self.from = from
        self.to = to
    }

    /// The first instant included, nil when open.
    public var start: Date? { from.map(StockholmTime.start(of:)) }
    /// The first instant after the period, nil when open.
    public var end: Date? { to.map { StockholmTime.start(of: $0.adding(days: 1)) } }
}
