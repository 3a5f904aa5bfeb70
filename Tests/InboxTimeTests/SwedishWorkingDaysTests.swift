// Counting working days over weekends, Easter, midsummer and Christmas; every expected day counted
// by hand on the 2026 and 2027 almanacs.
import InboxTime
import Testing

@Suite("Swedish working days")
struct SwedishWorkingDaysTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(parsing: text)) }

    @Test(
        "the Nth working day after a day",
        arguments: [
            // after, count, expected
            ("2026-03-12", 5, "2026-03-19"),  // Thursday: Fri, Mon, Tue, Wed, Thu
            ("2026-03-13", 1, "2026-03-16"),  // Friday: the weekend is skipped
            ("2026-03-14", 5, "2026-03-20"),  // Saturday: Mon to Fri
            ("2026-04-02", 1, "2026-04-07"),  // skärtorsdagen: långfredagen, the weekend and annandag påsk skipped
            ("2026-04-02", 5, "2026-04-13"),
            ("2026-06-17", 1, "2026-06-18"),  // Wednesday before midsommarafton
            ("2026-06-17", 2, "2026-06-22"),  // midsommarafton and the weekend skipped
            ("2026-12-22", 5, "2027-01-04"),  // julafton, juldagen, nyårsafton, nyårsdagen, weekends skipped
            ("2027-01-05", 1, "2027-01-07"),  // trettondedag jul is a Wednesday in 2027
            ("2026-05-13", 1, "2026-05-15"),  // Kristi himmelsfärdsdag
            ("2026-04-30", 1, "2026-05-04"),  // första maj is a Friday in 2026
            ("2026-06-05", 1, "2026-06-08"),  // nationaldagen on a Saturday moves nothing
            ("2025-06-05", 1, "2025-06-09"),  // ... but on a Friday in 2025 it is skipped
            ("2026-03-12", 0, "2026-03-12"),
        ])
    func nthWorkingDay(after: String, count: Int, expected: String) throws {
        #expect(SwedishWorkingDays.workingDay(count, after: try day(after)) == (try day(expected)))
    }

    @Test("working days are Monday to Friday except holidays and the closed eves")
    func workingDays() throws {
        for text in ["2026-03-16", "2026-04-02", "2026-04-30", "2026-06-18", "2026-12-23", "2027-01-05", "2026-01-05"] {
            #expect(SwedishWorkingDays.isWorkingDay(try day(text)), "\(text)")
        }
        for text in [
            "2026-03-14", "2026-03-15", "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
            "2026-06-19", "2026-12-24", "2026-12-25", "2026-12-31", "2025-06-06",
        ] {
            #expect(!SwedishWorkingDays.isWorkingDay(try day(text)), "\(text)")
        }
    }

    @Test("2026 has 251 working days: 261 weekdays less the 10 holidays and eves that fall on one")
    func countOfYear() {
        // Weekday holidays and eves of 2026: 1/1, 6/1, 3/4, 6/4, 1/5, 14/5, 19/6, 24/12, 25/12 and
        // 31/12; 6/6, 26/12 and the Saturday holidays fall on weekends. 2026 starts on a Thursday
        // and has 365 days: 52 weeks and Thursday 31 December, so 261 weekdays.
        var count = 0
        var day = CalendarDay(year: 2026, month: 1, day: 1)
        while day.year == 2026 {
            if SwedishWorkingDays.isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        #expect(count == 261 - 10)
    }
}
