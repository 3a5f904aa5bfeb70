// The civil-date arithmetic against Foundation's Gregorian calendar in UTC, and the month rules a
// policy reader expects.
import Foundation
import InboxTime
import Testing

@Suite("UTC dates")
struct UTCDateTests {
    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    @Test("a date and back agrees with Foundation, to the millisecond, from 1600 to 2400")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let milliseconds = Int64.random(in: -11_676_096_000_000...13_569_465_600_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let utc = UTCDate(date)
            let parts = Self.gregorian.dateComponents([.year, .month, .day], from: date)
            #expect(utc.year == parts.year && utc.month == parts.month && utc.day == parts.day, "\(date)")
            #expect(abs(utc.date.timeIntervalSince(date)) < 1e-6, "\(date)")
        }
    }

    /// Forward, as every deadline counts, the rule agrees with Foundation. Backward it does not:
    /// this toolchain's Foundation takes 29 May 2056 minus 219 months to 1 March 2038, not to 28
    /// February; the examples above pin the clamping rule instead.
    @Test("adding months clamps to the month's end, and agrees with Foundation going forward")
    func addingMonths() throws {
        let january31 = UTCDate(year: 2027, month: 1, day: 31, secondOfDay: 43_200)
        #expect(january31.addingMonths(1) == UTCDate(year: 2027, month: 2, day: 28, secondOfDay: 43_200))
        #expect(UTCDate(year: 2028, month: 1, day: 31).addingMonths(1) == UTCDate(year: 2028, month: 2, day: 29))
        #expect(UTCDate(year: 2024, month: 2, day: 29).addingMonths(36) == UTCDate(year: 2027, month: 2, day: 28))
        #expect(UTCDate(year: 2027, month: 3, day: 31).addingMonths(-1) == UTCDate(year: 2027, month: 2, day: 28))
        #expect(UTCDate(year: 1, month: 1, day: 1).addingMonths(-13) == UTCDate(year: -1, month: 12, day: 1))
        #expect(UTCDate(year: 2056, month: 5, day: 29).addingMonths(-219) == UTCDate(year: 2038, month: 2, day: 28))
        #expect(UTCDate(year: 1984, month: 8, day: 31).addingMonths(-222) == UTCDate(year: 1966, month: 2, day: 28))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &generator))
            let months = Int.random(in: 0...400, using: &generator)
            let expected = try #require(Self.gregorian.date(byAdding: .month, value: months, to: date))
            #expect(abs(UTCDate(date).addingMonths(months).date.timeIntervalSince(expected)) < 1e-6, "\(date) + \(months) months")
        }
    }

    @Test("leap years and month lengths", arguments: [(1900, false), (2000, true), (2024, true), (2027, false), (2100, false)])
    func leapYears(year: Int, leap: Bool) {
        #expect(UTCDate.isLeapYear(year) == leap)
        #expect(UTCDate.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
    }

    @Test("moments far outside any calendar are clamped instead of trapping")
    func extremes() {
        for date in [Date.distantFuture, .distantPast, Date(timeIntervalSince1970: 1e300), Date(timeIntervalSince1970: -1e300)] {
            _ = UTCDate(date).addingMonths(1_200_000).date
        }
        #expect(UTCDate(Date(timeIntervalSince1970: 1e300)).year > 1_000_000)
    }
}
