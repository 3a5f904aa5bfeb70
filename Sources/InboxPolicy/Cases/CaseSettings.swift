// The policy's `[cases]` table: what the inbox promises about cases, as opposed to the fields it
// keeps. Today that is when a case is due.
public import Foundation
import InboxTime

public struct CaseSettings: Sendable, Equatable {
    /// Nil when the policy sets no due dates.
    public let answerWithin: AnswerWithin?

    public init(answerWithin: AnswerWithin? = nil) {
        self.answerWithin = answerWithin
    }

    /// When a case received at `receivedAt` is due, or nil when the policy sets no due dates. The
    /// one computation for every listing, count and digest, so that they never disagree: the day of
    /// receipt is the Swedish calendar day at `receivedAt`, the due day follows `answerWithin`,
    /// and the case is overdue from the start of the next Swedish day.
    /// `within` is a topic's own time to answer, which replaces `answerWithin` (Policy.due).
    public func due(receivedAt: Date, within: AnswerWithin? = nil) -> CaseDue? {
        guard let answerWithin = within ?? answerWithin else { return nil }
        return CaseDue(day: answerWithin.dueDay(receivedOn: StockholmTime.day(of: receivedAt)))
    }
}
