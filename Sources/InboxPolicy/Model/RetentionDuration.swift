// A length of time in a policy: a whole number of days, weeks, months or years ("30 days").
// Months and years are calendar months and years in UTC, so "1 month" after 31 January is
// 28 or 29 February, as a person reading the policy would expect.
public import Foundation
import InboxTime

public struct RetentionDuration: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case days, weeks, months, years

        /// The shortest and longest this unit can be, in days.
        var dayRange: ClosedRange<Int> {
            switch self {
            case .days: 1...1
            case .weeks: 7...7
            case .months: 28...31
            case .years: 365...366
            }
        }
    }

    public let amount: Int
    public let unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses "30 days", "1 month", "2 years"; singular and plural both accepted.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let amount = Int(parts[0]), amount >= 0, amount <= 100_000 else { return nil }
        let word = parts[1].lowercased()
        guard let unit = Unit.allCases.first(where: { $0.rawValue == word || $0.rawValue.dropLast() == word }) else { return nil }
        self.init(amount: amount, unit: unit)
    }

    public var description: String {
        "\(amount) \(amount == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)"
    }

    /// The shortest and longest this duration can be, in whole days.
    public var days: ClosedRange<Int> { (amount * unit.dayRange.lowerBound)...(amount * unit.dayRange.upperBound) }

    /// `date` plus this duration, in the UTC calendar. The one rule every deadline follows, for
    /// display and for the purge.
    public func added(to date: Date) -> Date {
        switch unit {
        case .days: date.addingTimeInterval(Double(amount) * UTCDate.secondsPerDay)
        case .weeks: date.addingTimeInterval(Double(amount * 7) * UTCDate.secondsPerDay)
        case .months: UTCDate(date).addingMonths(amount).date
        case .years: UTCDate(date).addingMonths(amount * 12).date
        }
    }

    /// The latest start whose deadline may have passed at `date`: every start after it has
    /// `added(to: start) > date`, so a range query up to it finds every expired field, and only a
    /// few days more where months are clamped (which the exact check with `added(to:)` then
    /// drops). For days and weeks it is exact. For months and years, when `date` is the last day
    /// of its month, every start on a later day of the earlier month also ends on that last day:
    /// 31 January plus a month is 28 February, so at 28 February the range reaches to 31 January.
    public func latestStart(expiringBy date: Date) -> Date {
        switch unit {
        case .days, .weeks:
            return date.addingTimeInterval(-Double(amount * (unit == .weeks ? 7 : 1)) * UTCDate.secondsPerDay)
        case .months, .years:
            let end = UTCDate(date)
            let start = end.addingMonths(-amount * (unit == .years ? 12 : 1))
            return (end.isLastDayOfMonth ? start.lastDayOfMonth : start).date
        }
    }
}
