// Easter and the Swedish public holidays against dates published in almanacs, not against a second
// copy of the algorithm.
import InboxTime
import Testing

@Suite("Swedish public holidays")
struct SwedishHolidayTests {
    @Test(
        "Easter Sunday by the anonymous Gregorian algorithm",
        arguments: [
            (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2028, "2028-04-16"),
            (2029, "2029-04-01"), (2030, "2030-04-21"), (2031, "2031-04-13"), (2032, "2032-03-28"), (2033, "2033-04-17"),
            (2034, "2034-04-09"), (2035, "2035-03-25"),
            // The earliest and latest possible dates, and a century year.
            (1818, "1818-03-22"), (2285, "2285-03-22"), (1943, "1943-04-25"), (2038, "2038-04-25"), (2000, "2000-04-23"),
        ])
    func easter(year: Int, expected: String) throws {
        let sunday = CalendarDay.easterSunday(year: year)
        #expect(sunday == (try #require(CalendarDay(parsing: expected))))
        #expect(sunday.weekday == .sunday)
    }

    /// Written out from the Swedish almanac of each year.
    static let almanac: [Int: [SwedishHoliday: String]] = [
        2026: [
            .nyarsdagen: "2026-01-01", .trettondedagJul: "2026-01-06", .langfredagen: "2026-04-03", .paskdagen: "2026-04-05",
            .annandagPask: "2026-04-06", .forstaMaj: "2026-05-01", .kristiHimmelsfardsdag: "2026-05-14", .pingstdagen: "2026-05-24",
            .nationaldagen: "2026-06-06", .midsommarafton: "2026-06-19", .midsommardagen: "2026-06-20",
            .allaHelgonsDag: "2026-10-31", .julafton: "2026-12-24", .juldagen: "2026-12-25", .annandagJul: "2026-12-26",
            .nyarsafton: "2026-12-31",
        ],
        2027: [
            .nyarsdagen: "2027-01-01", .trettondedagJul: "2027-01-06", .langfredagen: "2027-03-26", .paskdagen: "2027-03-28",
            .annandagPask: "2027-03-29", .forstaMaj: "2027-05-01", .kristiHimmelsfardsdag: "2027-05-06", .pingstdagen: "2027-05-16",
            .nationaldagen: "2027-06-06", .midsommarafton: "2027-06-25", .midsommardagen: "2027-06-26",
            .allaHelgonsDag: "2027-11-06", .julafton: "2027-12-24", .juldagen: "2027-12-25", .annandagJul: "2027-12-26",
            .nyarsafton: "2027-12-31",
        ],
        2025: [
            .nyarsdagen: "2025-01-01", .trettondedagJul: "2025-01-06", .langfredagen: "2025-04-18", .paskdagen: "2025-04-20",
            .annandagPask: "2025-04-21", .forstaMaj: "2025-05-01", .kristiHimmelsfardsdag: "2025-05-29", .pingstdagen: "2025-06-08",
            .nationaldagen: "2025-06-06", .midsommarafton: "2025-06-20", .midsommardagen: "2025-06-21",
            .allaHelgonsDag: "2025-11-01", .julafton: "2025-12-24", .juldagen: "2025-12-25", .annandagJul: "2025-12-26",
            .nyarsafton: "2025-12-31",
        ],
    ]

    @Test("the holidays and closed eves of a year", arguments: [2025, 2026, 2027])
    func year(_ year: Int) throws {
        let expected = try #require(Self.almanac[year])
        var days: [CalendarDay: SwedishHoliday] = [:]
        for (holiday, text) in expected { days[try #require(CalendarDay(parsing: text))] = holiday }
        #expect(SwedishWorkingDays.holidays(in: year) == days)
        #expect(Set(expected.keys) == Set(SwedishHoliday.allCases), "every holiday is in the almanac table")
    }

    @Test("midsommardagen and alla helgons dag are Saturdays, midsommarafton the Friday before", arguments: 2024...2060)
    func movableSaturdays(_ year: Int) {
        let midsummer = SwedishHoliday.midsommardagen.day(in: year)
        #expect(midsummer.weekday == .saturday && midsummer.month == 6 && (20...26).contains(midsummer.day))
        #expect(SwedishHoliday.midsommarafton.day(in: year).adding(days: 1) == midsummer)
        let allSaints = SwedishHoliday.allaHelgonsDag.day(in: year)
        #expect(allSaints.weekday == .saturday)
        #expect(allSaints >= CalendarDay(year: year, month: 10, day: 31) && allSaints <= CalendarDay(year: year, month: 11, day: 6))
    }

    @Test("only the three eves are not public holidays by law")
    func eves() {
        #expect(SwedishHoliday.allCases.filter { !$0.isPublicHoliday } == [.midsommarafton, .julafton, .nyarsafton])
        #expect(SwedishHoliday.kristiHimmelsfardsdag.name == "Kristi himmelsfärdsdag")
    }
}
