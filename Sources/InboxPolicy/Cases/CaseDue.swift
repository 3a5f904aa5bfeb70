// When a case is due: the Swedish calendar day by which it should be answered, and the moment it
// becomes overdue.
public import Foundation
public import InboxTime

public struct CaseDue: Sendable, Hashable, Codable {
    /// The due day in Europe/Stockholm; written yyyy-MM-dd, in JSON too.
    public let day: CalendarDay
    /// The moment the due day ends in Sweden (the start of the next day there): a case still open
    /// at or after it is overdue.
    public let overdueFrom: Date

    public init(day: CalendarDay) {
        self.day = day
        overdueFrom = StockholmTime.start(of: day.adding(days: 1))
    }

    public func isOverdue(at now: Date) -> Bool { now >= overdueFrom }
}
