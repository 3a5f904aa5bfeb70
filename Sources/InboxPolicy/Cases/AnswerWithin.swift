// How long the agency gives itself to answer a case (`[cases] answer_within`): a number of Swedish
// working days, or a calendar duration. The count starts the day after the day of receipt.
public import InboxTime

public enum AnswerWithin: Sendable, Equatable, CustomStringConvertible {
    /// Due on the Nth working day after the day of receipt (SwedishWorkingDays).
    case workingDays(Int)
    /// Due on the day of receipt plus the duration, weekends and holidays included.
    case calendar(RetentionDuration)

    /// About a year of working days; a longer "due date" is no due date at all.
    public static let maximumWorkingDays = 250

    /// The day a case received on `day` (a Swedish calendar day) is due.
    public func dueDay(receivedOn day: CalendarDay) -> CalendarDay {
        switch self {
        case .workingDays(let count): SwedishWorkingDays.workingDay(count, after: day)
        case .calendar(let duration):
            switch duration.unit {
            case .days: day.adding(days: duration.amount)
            case .weeks: day.adding(days: duration.amount * 7)
            case .months: day.addingMonths(duration.amount)
            case .years: day.addingMonths(duration.amount * 12)
            }
        }
    }

    /// As the policy writes it: "5 working days", "10 days".
    public var description: String {
        switch self {
        case .workingDays(let count): "\(count) working day\(count == 1 ? "" : "s")"
        case .calendar(let duration): duration.description
        }
    }
}
