// When a case is due under `[cases] answer_within`: the expected days counted by hand on the 2026
// and 2027 almanacs, the moments from Swedish local midnight (UTC+1 in winter, UTC+2 in summer).
import Foundation
import InboxPolicy
import InboxTime
import Testing

@Suite("case due dates")
struct CaseDueTests {
    static let defaultAnswerWithin = "answer_within = \"5 working days\""

    func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    func policy(answerWithin: String) throws -> Policy {
        #expect(DefaultPolicy.text.contains(Self.defaultAnswerWithin), "the default policy no longer sets 5 working days")
        let text = DefaultPolicy.text.replacingOccurrences(of: Self.defaultAnswerWithin, with: "answer_within = \"\(answerWithin)\"")
        return try PolicyLoader.parse(text, file: "policy.toml")
    }

    func check(_ policy: Policy, received: String, day: String, overdueFrom: String) throws {
        let due = try #require(policy.cases.due(receivedAt: try instant(received)))
        #expect("\(due.day)" == day, "received \(received)")
        #expect(due.overdueFrom == (try instant(overdueFrom)), "received \(received)")
    }

    @Test(
        "5 working days: the fifth working day after the Swedish day of receipt",
        arguments: [
            // received, due day, overdue from
            ("2026-03-12T09:00:00Z", "2026-03-19", "2026-03-19T23:00:00Z"),  // Thursday, over a weekend
            ("2026-03-14T11:00:00Z", "2026-03-20", "2026-03-20T23:00:00Z"),  // a Saturday
            ("2026-04-02T08:00:00Z", "2026-04-13", "2026-04-13T22:00:00Z"),  // skärtorsdagen, over Easter
            ("2026-06-17T10:00:00Z", "2026-06-25", "2026-06-25T22:00:00Z"),  // the Wednesday before midsommarafton
            ("2026-12-22T12:00:00Z", "2027-01-04", "2027-01-04T23:00:00Z"),  // over Christmas and New Year
            ("2027-01-04T12:00:00Z", "2027-01-12", "2027-01-12T23:00:00Z"),  // over trettondedag jul (a Wednesday)
            // 23:30 UTC on Thursday is 00:30 on Friday in Stockholm: received on Friday.
            ("2026-03-12T22:59:59Z", "2026-03-19", "2026-03-19T23:00:00Z"),
            ("2026-03-12T23:30:00Z", "2026-03-20", "2026-03-20T23:00:00Z"),
            // In summer 22:30 UTC is already the next day.
            ("2026-06-16T21:30:00Z", "2026-06-24", "2026-06-24T22:00:00Z"),
            ("2026-06-16T22:30:00Z", "2026-06-25", "2026-06-25T22:00:00Z"),
            // Received in winter time, due in summer time, and the other way round.
            ("2026-03-25T10:00:00Z", "2026-04-01", "2026-04-01T22:00:00Z"),
            ("2026-10-20T10:00:00Z", "2026-10-27", "2026-10-27T23:00:00Z"),
        ])
    func workingDays(received: String, day: String, overdueFrom: String) throws {
        try check(try PolicyLoader.load(path: DefaultPolicy.path), received: received, day: day, overdueFrom: overdueFrom)
    }

    @Test(
        "calendar units: the day of receipt plus the duration, weekends and holidays included",
        arguments: [
            // answer_within, received, due day, overdue from
            ("10 days", "2026-01-28T10:00:00Z", "2026-02-07", "2026-02-07T23:00:00Z"),
            ("2 weeks", "2026-01-28T10:00:00Z", "2026-02-11", "2026-02-11T23:00:00Z"),
            ("1 month", "2026-01-31T10:00:00Z", "2026-02-28", "2026-02-28T23:00:00Z"),
            ("1 month", "2026-01-31T23:30:00Z", "2026-03-01", "2026-03-01T23:00:00Z"),  // 1 February in Stockholm
            ("1 year", "2028-02-29T12:00:00Z", "2029-02-28", "2029-02-28T23:00:00Z"),
            ("10 days", "2026-12-22T12:00:00Z", "2027-01-01", "2027-01-01T23:00:00Z"),  // nyårsdagen is not skipped
            // The night to 29 March 2026 lasts 23 hours, the night to 25 October 25.
            ("1 day", "2026-03-27T10:00:00Z", "2026-03-28", "2026-03-28T23:00:00Z"),
            ("2 days", "2026-03-27T10:00:00Z", "2026-03-29", "2026-03-29T22:00:00Z"),
            ("1 day", "2026-10-23T10:00:00Z", "2026-10-24", "2026-10-24T22:00:00Z"),
            ("2 days", "2026-10-23T10:00:00Z", "2026-10-25", "2026-10-25T23:00:00Z"),
            ("1 working day", "2026-03-27T10:00:00Z", "2026-03-30", "2026-03-30T22:00:00Z"),
        ])
    func calendarUnits(answerWithin: String, received: String, day: String, overdueFrom: String) throws {
        try check(try policy(answerWithin: answerWithin), received: received, day: day, overdueFrom: overdueFrom)
    }

    @Test("overdue at the moment the due day ends in Stockholm, not a second before")
    func overdue() throws {
        let due = try #require(try PolicyLoader.load(path: DefaultPolicy.path).cases.due(receivedAt: try instant("2026-03-12T09:00:00Z")))
        #expect(!due.isOverdue(at: try instant("2026-03-19T22:59:59Z")))
        #expect(due.isOverdue(at: try instant("2026-03-19T23:00:00Z")))
    }

    @Test("the end of the due day agrees with Foundation's Europe/Stockholm")
    func agreesWithTimeZoneDatabase() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let policy = try policy(answerWithin: "3 days")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let received = Date(timeIntervalSince1970: Double.random(in: 1_767_225_600...2_082_758_400, using: &generator))
            let due = try #require(policy.cases.due(receivedAt: received))
            let receivedDay = calendar.startOfDay(for: received)
            let expectedDay = try #require(calendar.date(byAdding: .day, value: 3, to: receivedDay))
            let parts = calendar.dateComponents([.year, .month, .day], from: expectedDay)
            #expect(due.day == CalendarDay(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0), "\(received)")
            #expect(due.overdueFrom == calendar.date(byAdding: .day, value: 1, to: expectedDay), "\(received)")
        }
    }

    @Test("a policy without [cases] sets no due dates")
    func noDueDates() throws {
        let text = DefaultPolicy.text.replacingOccurrences(of: "[cases]\n", with: "").replacingOccurrences(
            of: Self.defaultAnswerWithin + "\n", with: "")
        let policy = try PolicyLoader.parse(text, file: "policy.toml")
        #expect(policy.cases.answerWithin == nil)
        #expect(policy.cases.due(receivedAt: try instant("2026-03-12T09:00:00Z")) == nil)
        #expect(PolicySummary.text(policy: policy).contains("cases: no due dates"))
    }

    @Test("the due day is written yyyy-MM-dd in JSON")
    func json() throws {
        let due = try #require(try PolicyLoader.load(path: DefaultPolicy.path).cases.due(receivedAt: try instant("2026-12-22T12:00:00Z")))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(due), as: UTF8.self) == #"{"day":"2027-01-04","overdueFrom":"2027-01-04T23:00:00Z"}"#)
    }
}
