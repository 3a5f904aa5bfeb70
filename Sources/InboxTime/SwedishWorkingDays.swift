// Working days of a Swedish agency, for due dates counted in working days: Monday to Friday, except
// the public holidays and the three eves of SwedishHoliday. Days the agency chooses to close
// (klämdagar, the afternoon before a holiday) are its own decision and are not skipped.

public enum SwedishWorkingDays {
    /// Every holiday and closed eve of `year`, by day.
    public static func holidays(in year: Int) -> [CalendarDay: SwedishHoliday] {
        var days: [CalendarDay: SwedishHoliday] = [:]
        for holiday in SwedishHoliday.allCases { days[holiday.day(in: year)] = holiday }
        return days
    }

    public static func isWorkingDay(_ day: CalendarDay) -> Bool {
        !day.weekday.isWeekend && holidays(in: day.year)[day] == nil
    }

    /// The `count`th working day after `day` (`day` itself is not counted, whether it is a working
    /// day or not); `day` itself when `count` is 0 or less.
    public static func workingDay(_ count: Int, after day: CalendarDay) -> CalendarDay {
        var current = day
        var remaining = count
        // A count spans at most a year or two: the holidays of each year are worked out once.
        var holidaysByYear: [Int: [CalendarDay: SwedishHoliday]] = [:]
        while remaining > 0 {
            current = current.adding(days: 1)
            guard !current.weekday.isWeekend else { continue }
            let holidays = holidaysByYear[current.year] ?? Self.holidays(in: current.year)
            holidaysByYear[current.year] = holidays
            if holidays[current] == nil { remaining -= 1 }
        }
        return current
    }
}
