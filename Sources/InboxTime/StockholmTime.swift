// Swedish local time (Europe/Stockholm), for the day a case arrives and the moment its due day
// ends. Computed from the EU summer-time rule (directive 2000/84/EC, in Sweden since 1996): UTC+2
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, else UTC+1.
// Like UTCDate it has no failure path and does not depend on the host's time zone files; if the EU
// ends summer time this rule must change (tests compare it with tzdata).
public import Foundation

public enum StockholmTime {
    public static func utcOffset(at date: Date) -> TimeInterval {
        let year = UTCDate(date).year
        let start = lastSunday(year: year, month: 3).date.addingTimeInterval(3600)
        let end = lastSunday(year: year, month: 10).date.addingTimeInterval(3600)
        return date >= start && date < end ? 7200 : 3600
    }

    /// The day on a Swedish calendar at `date`.
    public static func day(of date: Date) -> CalendarDay {
        let local = UTCDate(date.addingTimeInterval(utcOffset(at: date)))
        return CalendarDay(year: local.year, month: local.month, day: local.day)
    }

    /// The moment `day` begins in Sweden: local midnight, which the clock change (at 02:00 or
    /// 03:00 local time) never skips or repeats.
    public static func start(of day: CalendarDay) -> Date {
        let midnightUTC = UTCDate(year: day.year, month: day.month, day: day.day).date
        // Midnight in summer time is two hours before midnight UTC; if summer time is not in
        // force then, it is winter time's one hour before.
        let summerMidnight = midnightUTC.addingTimeInterval(-7200)
        return utcOffset(at: summerMidnight) == 7200 ? summerMidnight : midnightUTC.addingTimeInterval(-3600)
    }

    /// Midnight UTC at the start of the last Sunday of a month.
    private static func lastSunday(year: Int, month: Int) -> UTCDate {
        let last = CalendarDay(year: year, month: month, day: UTCDate.daysInMonth(year: year, month: month))
        let sunday = last.adding(days: -(last.weekday.rawValue % 7))
        return UTCDate(year: sunday.year, month: sunday.month, day: sunday.day)
    }
}
