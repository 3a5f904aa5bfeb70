// A moment in UTC as a calendar reads it: year, month, day and the time of day. Pure arithmetic on
// the proleptic Gregorian calendar (days from civil and back, after Howard Hinnant's algorithms),
// so that the deadlines of the policy and the epochs of the keys are computed by one set of rules
// that has no failure path: Foundation's Calendar answers with optionals everywhere.
public import Foundation

public struct UTCDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public static let secondsPerDay = 86_400.0
    /// Moments beyond this many seconds from 1970 (about three million years) are clamped to it,
    /// so that converting to whole days can never overflow.
    static let limit = 1e14

    public let year: Int
    /// 1 to 12.
    public let month: Int
    /// 1 to the length of the month.
    public let day: Int
    /// Seconds since midnight, at least 0 and less than 86,400.
    public let secondOfDay: Double

    public init(_ date: Date) {
        let seconds = min(max(date.timeIntervalSince1970, -Self.limit), Self.limit)
        let days = (seconds / Self.secondsPerDay).rounded(.down)
        let civil = Self.civil(fromDays: Int(days))
        year = civil.year
        month = civil.month
        day = civil.day
        secondOfDay = min(max(seconds - days * Self.secondsPerDay, 0), Self.secondsPerDay.nextDown)
    }

    /// A day that does not exist in its month (31 April) becomes the month's last day.
    public init(year: Int, month: Int, day: Int, secondOfDay: Double = 0) {
        let month = min(max(month, 1), 12)
        self.year = year
        self.month = month
        self.day = min(max(day, 1), Self.daysInMonth(year: year, month: month))
        self.secondOfDay = min(max(secondOfDay, 0), Self.secondsPerDay.nextDown)
    }

    public var date: Date {
        Date(timeIntervalSince1970: Double(Self.days(year: year, month: month, day: day)) * Self.secondsPerDay + secondOfDay)
    }

    public var isLastDayOfMonth: Bool { day == Self.daysInMonth(year: year, month: month) }

    /// The same day and time `months` later (or earlier), on the month's last day where the month
    /// is shorter: 31 January plus one month is 28 or 29 February, as a person would count.
    public func addingMonths(_ months: Int) -> UTCDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        return UTCDate(year: newYear, month: index - newYear * 12 + 1, day: day, secondOfDay: secondOfDay)
    }

    /// The same time of day on the last day of this month.
    public var lastDayOfMonth: UTCDate {
        UTCDate(year: year, month: month, day: Self.daysInMonth(year: year, month: month), secondOfDay: secondOfDay)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func < (lhs: UTCDate, rhs: UTCDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.secondOfDay) < (rhs.year, rhs.month, rhs.day, rhs.secondOfDay)
    }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let seconds = Int(secondOfDay)
        return "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day counted from 1970-01-01.
    static func civil(fromDays count: Int) -> (year: Int, month: Int, day: Int) {
        let z = count + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
