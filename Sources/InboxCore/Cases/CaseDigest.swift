// The daily summary mailed to staff (`inbox digest`): counts, and the references of the cases that
// need someone today, with nothing of any person in it: no address, no question, no name, not
// even a colleague's. A reference on its own is not personal data; what a case is about stays in
// the inbox, behind `inbox show` and its audit entry.
import Foundation
import InboxPolicy
import InboxStore
import InboxTime

public struct CaseDigest: Sendable {
    public let overview: CaseOverview
    /// The policy's promise (`answer_within`), named in the text; nil when it sets none.
    public let answerWithin: String?

    public init(overview: CaseOverview, answerWithin: String?) {
        self.overview = overview
        self.answerWithin = answerWithin
    }

    /// "Contact Inbox: 2 overdue, 1 address going, 2026-11-30": what a person sees in a list of mail.
    public var subject: String {
        let counts = overview.counts
        return "Contact Inbox: \(counts.overdue) overdue, \(counts.addressesDeletedUnansweredSoon) address(es) going unanswered, "
            + "\(StockholmTime.day(of: overview.now))"
    }

    public var text: String {
        let counts = overview.counts
        var lines = [
            "The contact inbox on \(StockholmTime.day(of: overview.now)) (Swedish time).", "",
            "Open cases: \(counts.open), of which unclaimed: \(counts.unclaimed)",
            "Overdue\(answerWithin.map { " (not answered within \($0))" } ?? ""): \(counts.overdue)",
            "The oldest open case has waited \(Self.days(counts.oldestOpenAge)) day(s)",
            "Addresses deleted unanswered within 7 days: \(counts.addressesDeletedUnansweredSoon)",
        ]
        if answerWithin == nil { lines.append("(The policy sets no due dates: [cases] answer_within.)") }
        let overdue = overview.overdue
        if !overdue.isEmpty {
            lines += ["", "Overdue, oldest first:"]
            lines += overdue.map { row in
                "  \(row.record.reference)  received \(StockholmTime.day(of: row.record.receivedAt)), due \(row.due.map { "\($0.day)" } ?? "-")"
                    + (row.record.claim == nil ? ", unclaimed" : ", claimed")
            }
        }
        let going = overview.addressesGoingSoon
        if !going.isEmpty {
            lines += ["", "The address goes unless someone answers or closes the case:"]
            lines += going.map { row in
                "  \(row.record.reference)  address deleted by \(row.addressDeletedUnansweredBy.map { "\(StockholmTime.day(of: $0))" } ?? "-")"
                    + (row.record.claim == nil ? ", unclaimed" : ", claimed")
            }
        }
        lines += ["", "`inbox list --overdue` and `inbox show REF` on the inbox's host say more; every opening is audited."]
        return lines.joined(separator: "\n") + "\n"
    }

    static func days(_ interval: TimeInterval) -> Int { Int(interval / 86_400) }
}
