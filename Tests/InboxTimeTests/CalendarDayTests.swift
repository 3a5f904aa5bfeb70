// Calendar days (a date without a time) against Foundation's Gregorian calendar, and their text.
import Foundation
import InboxTime
import Testing

@Suite("calendar days")
struct CalendarDayTests {
    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    @Test("weekdays and adding days agree with Foundation from 1900 to 2200")
    func weekdaysAndDays() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: -25_000...84_000, using: &generator)) * 86_400)
            let parts = Self.gregorian.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = CalendarDay(year: try #require(parts.year), month: try #require(parts.month), day: try #require(parts.day))
            // Foundation counts Sunday as 1; ISO 8601 (and `Weekday`) Monday as 1.
            #expect(day.weekday.rawValue == (try #require(parts.weekday) + 5) % 7 + 1, "\(day)")
            let offset = Int.random(in: -800...800, using: &generator)
            let later = Self.gregorian.dateComponents(
                [.year, .month, .day], from: try #require(Self.gregorian.date(byAdding: .day, value: offset, to: date)))
            #expect(day.adding(days: offset) == CalendarDay(year: later.year ?? 0, month: later.month ?? 0, day: later.day ?? 0))
        }
    }

    @Test("2026-04-03 was a Friday, 2024-02-29 a Thursday")
    func knownWeekdays() {
        #expect(CalendarDay(year: 2026, month: 4, day: 3).weekday == .friday)
        #expect(CalendarDay(year: 2024, month: 2, day: 29).weekday == .thursday)
        #expect(CalendarDay(year: 1970, month: 1, day: 1).weekday == .thursday)
    }

    @Test("months clamp at the month's end, as a person counts")
    func months() {
        #expect(CalendarDay(year: 2026, month: 1, day: 31).addingMonths(1) == CalendarDay(year: 2026, month: 2, day: 28))
        #expect(CalendarDay(year: 2027, month: 12, day: 15).addingMonths(1) == CalendarDay(year: 2028, month: 1, day: 15))
        #expect(CalendarDay(year: 2028, month: 2, day: 29).addingMonths(12) == CalendarDay(year: 2029, month: 2, day: 28))
    }

    @Test("written as yyyy-MM-dd, and read back strictly")
    func text() throws {
        #expect("\(CalendarDay(year: 2026, month: 4, day: 3))" == "2026-04-03")
        #expect(CalendarDay(parsing: "2026-12-24") == CalendarDay(year: 2026, month: 12, day: 24))
        for bad in [
            "2026-02-30", "2026-13-01", "2026-4-3", "26-04-03", "2026-04-03T00:00:00Z", " 2026-04-03", "2026/04/03", "", "2026-00-10",
        ] {
            #expect(CalendarDay(parsing: bad) == nil, "\(bad)")
        }
        let json = try JSONEncoder().encode(["due": CalendarDay(year: 2027, month: 1, day: 4)])
        #expect(String(decoding: json, as: UTF8.self) == #"{"due":"2027-01-04"}"#)
        let decoded = try JSONDecoder().decode([String: CalendarDay].self, from: Data(#"{"due":"2027-01-04"}"#.utf8))
        #expect(decoded["due"] == CalendarDay(year: 2027, month: 1, day: 4))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: CalendarDay].self, from: Data(#"{"due":"4 Jan"}"#.utf8)) }
    }

    @Test("a day that does not exist becomes the month's last day")
    func clamping() {
        #expect(CalendarDay(year: 2026, month: 4, day: 31) == CalendarDay(year: 2026, month: 4, day: 30))
        #expect(CalendarDay(year: 2026, month: 2, day: 29).day == 28)
    }
}
