// A day on the calendar, without a time or a time zone: the day a case is due, a public holiday.
// Written as yyyy-MM-dd, which is also its JSON form. The arithmetic is UTCDate's, so a day has no
// failure path either.

public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 to 12.
    public let month: Int
    /// 1 to the length of the month.
    public let day: Int

    /// A day that does not exist in its month (31 April) becomes the month's last day, as in UTCDate.
    public init(year: Int, month: Int, day: Int) {
        let clamped = UTCDate(year: year, month: month, day: day)
        self.year = clamped.year
        self.month = clamped.month
        self.day = clamped.day
    }

    /// Reads exactly yyyy-MM-dd, and only a day that exists: "2026-02-30" is nil, not clamped.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...UTCDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    init(daysSince1970 count: Int) {
        let civil = UTCDate.civil(fromDays: count)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Days since 1970-01-01.
    var daysSince1970: Int { UTCDate.days(year: year, month: month, day: day) }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday, the fourth ISO weekday.
        let index = ((daysSince1970 + 3) % 7 + 7) % 7
        return Weekday(rawValue: index + 1) ?? .monday
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSince1970: daysSince1970 + days)
    }

    /// The same day `months` later, on the month's last day where the month is shorter.
    public func addingMonths(_ months: Int) -> CalendarDay {
        let later = UTCDate(year: year, month: month, day: day).addingMonths(months)
        return CalendarDay(year: later.year, month: later.month, day: later.day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))"
    }
}

extension CalendarDay: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a day written as yyyy-MM-dd")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
