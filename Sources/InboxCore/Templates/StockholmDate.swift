// The calendar day in Sweden of a moment, for the dates a letter to a citizen writes: a question
// sent at 00:30 in Stockholm came in that day, though it is still the day before in UTC.
// Swedish time comes from StockholmTime (InboxTime): computed by the rule the law sets rather than
// read from the host's zone database, so that a letter's date has no failure path.
public import Foundation
import InboxTime

public struct StockholmDate: Sendable, Equatable {
    public let year: Int
    /// 1 to 12.
    public let month: Int
    public let day: Int

    /// The day in Sweden at `date`, by the one rule for Swedish time (InboxTime's StockholmTime,
    /// which due days use too).
    public init(_ date: Date) {
        let day = StockholmTime.day(of: date)
        self.init(year: day.year, month: day.month, day: day.day)
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
