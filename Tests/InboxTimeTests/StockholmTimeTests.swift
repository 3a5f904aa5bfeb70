// Swedish local time against the system's time zone database, and the two days a year whose length
// is not 24 hours.
import Foundation
import InboxTime
import Testing

@Suite("Stockholm time")
struct StockholmTimeTests {
    static let stockholm: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        // The time zone database of the host (Debian's tzdata), independent of our rule.
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        return calendar
    }()

    func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    @Test("the offset and the local day agree with tzdata from 1996 to 2037")
    func agreesWithTimeZoneDatabase() throws {
        try #require(TimeZone(identifier: "Europe/Stockholm") != nil, "tzdata is installed")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // 1996: the EU rule of the last Sundays of March and October began; 2037: tzdata's
            // explicit transitions end and it extrapolates, as we do.
            let date = Date(timeIntervalSince1970: Double.random(in: 820_454_400...2_145_916_800, using: &generator))
            let zone = try #require(Self.stockholm.timeZone as TimeZone?)
            #expect(StockholmTime.utcOffset(at: date) == Double(zone.secondsFromGMT(for: date)), "\(date)")
            let parts = Self.stockholm.dateComponents([.year, .month, .day], from: date)
            let day = StockholmTime.day(of: date)
            #expect(day.year == parts.year && day.month == parts.month && day.day == parts.day, "\(date)")
            #expect(StockholmTime.start(of: day) == Self.stockholm.startOfDay(for: date), "\(date)")
        }
    }

    @Test(
        "transitions: the last Sundays of March and October, at 01:00 UTC",
        arguments: [
            ("2026-03-29T00:59:59Z", 3600.0), ("2026-03-29T01:00:00Z", 7200), ("2026-10-25T00:59:59Z", 7200),
            ("2026-10-25T01:00:00Z", 3600), ("2027-03-28T01:00:00Z", 7200), ("2027-10-31T00:30:00Z", 7200),
            ("2027-10-31T01:30:00Z", 3600), ("2026-01-15T12:00:00Z", 3600), ("2026-07-15T12:00:00Z", 7200),
        ])
    func transitions(instant text: String, offset: Double) throws {
        #expect(StockholmTime.utcOffset(at: try instant(text)) == offset)
    }

    @Test("a late evening in UTC is already the next day in Stockholm")
    func lateEvening() throws {
        #expect(StockholmTime.day(of: try instant("2026-03-12T22:59:59Z")) == CalendarDay(year: 2026, month: 3, day: 12))
        #expect(StockholmTime.day(of: try instant("2026-03-12T23:00:00Z")) == CalendarDay(year: 2026, month: 3, day: 13))
        #expect(StockholmTime.day(of: try instant("2026-06-16T21:59:59Z")) == CalendarDay(year: 2026, month: 6, day: 16))
        #expect(StockholmTime.day(of: try instant("2026-06-16T22:00:00Z")) == CalendarDay(year: 2026, month: 6, day: 17))
    }

    @Test("days start at local midnight; the days of the change last 23 and 25 hours")
    func startOfDay() throws {
        #expect(StockholmTime.start(of: CalendarDay(year: 2026, month: 3, day: 29)) == (try instant("2026-03-28T23:00:00Z")))
        #expect(StockholmTime.start(of: CalendarDay(year: 2026, month: 3, day: 30)) == (try instant("2026-03-29T22:00:00Z")))
        #expect(StockholmTime.start(of: CalendarDay(year: 2026, month: 10, day: 25)) == (try instant("2026-10-24T22:00:00Z")))
        #expect(StockholmTime.start(of: CalendarDay(year: 2026, month: 10, day: 26)) == (try instant("2026-10-25T23:00:00Z")))
        // Both 02:30 of the night the clocks go back belong to 25 October.
        #expect(StockholmTime.day(of: try instant("2026-10-25T00:30:00Z")) == CalendarDay(year: 2026, month: 10, day: 25))
        #expect(StockholmTime.day(of: try instant("2026-10-25T01:30:00Z")) == CalendarDay(year: 2026, month: 10, day: 25))
    }
}
