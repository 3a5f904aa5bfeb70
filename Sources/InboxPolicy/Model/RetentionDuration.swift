// A length of time in a policy: a whole number of days, weeks, months or years ("30 days").
// Months and years are calendar months and years in UTC, so "1 month" after 31 January is
// 28 or 29 February, as a person reading the policy would expect.
public import Foundation

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

    /// `date` plus this duration, in the UTC calendar.
    public func added(to date: Date) -> Date {
        adding(amount, to: date)
    }

    /// `date` minus this duration. An event at or before it has, give or take calendar clamping,
    /// passed its deadline at `date`; callers recheck each candidate with `added(to:)`.
    public func subtracted(from date: Date) -> Date {
        adding(-amount, to: date)
    }

    private func adding(_ value: Int, to date: Date) -> Date {
        let component: Calendar.Component =
            switch unit {
            case .days: .day
            case .weeks: .weekOfYear
            case .months: .month
            case .years: .year
            }
        return Self.utc.date(byAdding: component, value: value, to: date)!
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
