// The calendar day in Sweden of a moment, for the dates a letter to a citizen writes: a question
// sent at 00:30 in Stockholm came in that day, though it is still the day before in UTC.
//
// Swedish time is computed by the rule the law sets (EU summer time, since 1996): UTC+1, and UTC+2
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. Computed
// rather than read from the host's zone database, so that a letter's date has no failure path and
// does not depend on tzdata being installed; a test checks it against the zone database.
public import Foundation
import InboxTime

public struct StockholmDate: Sendable, Equatable {
    public let year: Int
    /// 1 to 12.
    public let month: Int
    public let day: Int

    public init(_ date: Date) {
        let offset: TimeInterval = Self.isSummerTime(date) ? 7200 : 3600
        let local = UTCDate(date.addingTimeInterval(offset))
        self.init(year: local.year, month: local.month, day: local.day)
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether Sweden keeps summer time (CEST) at `date`. Summer time never spans a new year, so
    /// the UTC year is the year whose switching days count.
    static func isSummerTime(_ date: Date) -> Bool {
        let year = UTCDate(date).year
        let seconds = date.timeIntervalSince1970
        return switchMoment(year: year, month: 3) <= seconds && seconds < switchMoment(year: year, month: 10)
    }

    /// 01:00 UTC on the last Sunday of March or October (both have 31 days), in seconds since 1970.
    static func switchMoment(year: Int, month: Int) -> TimeInterval {
        let lastDay = (UTCDate(year: year, month: month, day: 31).date.timeIntervalSince1970 / UTCDate.secondsPerDay).rounded(.down)
        // 1 January 1970 was a Thursday: day 0 is weekday 4 when Sunday is 0.
        let weekday = (Int(lastDay) + 4) % 7
        let sunday = Int(lastDay) - (weekday + 7) % 7
        return TimeInterval(sunday) * UTCDate.secondsPerDay + 3600
    }
}
