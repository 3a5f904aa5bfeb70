// The days a Swedish agency is closed besides Saturdays and Sundays: the public holidays of the
// law on public holidays (lag 1989:253 om allmänna helgdagar) and the three eves that the
// Annual Leave Act (semesterlagen 1977:480, 3 §) and the law on computing statutory periods
// (lag 1930:173) treat as Sundays. Computed for any year; there is no table to keep up to date.

public enum SwedishHoliday: String, Sendable, CaseIterable {
    case nyarsdagen = "nyårsdagen"
    case trettondedagJul = "trettondedag jul"
    case langfredagen = "långfredagen"
    case paskdagen = "påskdagen"
    case annandagPask = "annandag påsk"
    case forstaMaj = "första maj"
    case kristiHimmelsfardsdag = "Kristi himmelsfärdsdag"
    case pingstdagen = "pingstdagen"
    case nationaldagen = "Sveriges nationaldag"
    case midsommarafton = "midsommarafton"
    case midsommardagen = "midsommardagen"
    case allaHelgonsDag = "alla helgons dag"
    case julafton = "julafton"
    case juldagen = "juldagen"
    case annandagJul = "annandag jul"
    case nyarsafton = "nyårsafton"

    /// The day's Swedish name.
    public var name: String { rawValue }

    /// False for the eves: not public holidays in law, but days the agency is closed.
    public var isPublicHoliday: Bool {
        switch self {
        case .midsommarafton, .julafton, .nyarsafton: false
        default: true
        }
    }

    public func day(in year: Int) -> CalendarDay {
        switch self {
        case .nyarsdagen: CalendarDay(year: year, month: 1, day: 1)
        case .trettondedagJul: CalendarDay(year: year, month: 1, day: 6)
        case .langfredagen: CalendarDay.easterSunday(year: year).adding(days: -2)
        case .paskdagen: CalendarDay.easterSunday(year: year)
        case .annandagPask: CalendarDay.easterSunday(year: year).adding(days: 1)
        case .forstaMaj: CalendarDay(year: year, month: 5, day: 1)
        case .kristiHimmelsfardsdag: CalendarDay.easterSunday(year: year).adding(days: 39)
        case .pingstdagen: CalendarDay.easterSunday(year: year).adding(days: 49)
        case .nationaldagen: CalendarDay(year: year, month: 6, day: 6)
        case .midsommarafton: Self.saturday(from: CalendarDay(year: year, month: 6, day: 20)).adding(days: -1)
        case .midsommardagen: Self.saturday(from: CalendarDay(year: year, month: 6, day: 20))
        case .allaHelgonsDag: Self.saturday(from: CalendarDay(year: year, month: 10, day: 31))
        case .julafton: CalendarDay(year: year, month: 12, day: 24)
        case .juldagen: CalendarDay(year: year, month: 12, day: 25)
        case .annandagJul: CalendarDay(year: year, month: 12, day: 26)
        case .nyarsafton: CalendarDay(year: year, month: 12, day: 31)
        }
    }

    /// The Saturday in the seven days from `first`: midsommardagen is the Saturday of 20–26 June,
    /// alla helgons dag that of 31 October–6 November.
    private static func saturday(from first: CalendarDay) -> CalendarDay {
        first.adding(days: (Weekday.saturday.rawValue - first.weekday.rawValue + 7) % 7)
    }
}
