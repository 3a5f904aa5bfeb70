// The overview that `inbox list`, `inbox metrics` and `inbox digest` share: due days from the
// default policy's five working days, overdue from the end of the due day in Sweden, the address's
// deletion if nobody answers, and the counts.
import Foundation
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore
import Testing

@Suite("case overview")
struct CaseOverviewTests {
    static func date(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    static func record(
        received: Date, status: RecordStatus = .open, claimant: String? = nil, fields: Set<RecordField> = [.email, .question],
        hold: Hold? = nil
    ) throws -> StoredRecord {
        StoredRecord(
            reference: try Reference.random(), status: status, receivedAt: received, answeredAt: status == .answered ? received : nil,
            hold: hold, fields: fields, claim: claimant.map { CaseClaim(claimant: $0, since: received) },
            closure: status == .closed ? CaseClosure(reason: .noAnswerNeeded, at: received, forwardedTo: nil) : nil)
    }

    @Test("due on the fifth working day, overdue when that day has ended in Sweden; ended cases are never due")
    func dueAndOverdue() async throws {
        let policy = try PolicyLoader.load(path: InboxFixture.defaultPolicyPath)
        // Thursday 2027-03-25; Good Friday 26th and Easter Monday 29th are holidays, so the fifth working
        // day after it is Monday 5 April.
        let received = try Self.date("2027-03-25T09:00:00Z")
        let open = try Self.record(received: received)
        let answered = try Self.record(received: received, status: .answered)
        let records = [open, answered]
        // 5 April 23:59 Swedish summer time is 21:59 UTC: not yet overdue; at 22:00 UTC it is.
        let onTheDay = CaseOverview(records: records, policy: policy, now: try Self.date("2027-04-05T21:59:00Z"))
        #expect(onTheDay.rows.map { $0.due.map { "\($0.day)" } } == ["2027-04-05", nil])
        #expect(onTheDay.rows.map(\.isOverdue) == [false, false])
        let after = CaseOverview(records: records, policy: policy, now: try Self.date("2027-04-05T22:00:00Z"))
        #expect(after.rows.map(\.isOverdue) == [true, false])
        #expect(after.overdue.map(\.record.reference) == [open.reference])
    }

    @Test("the address of an open case goes 90 days after receipt if nobody answers; a week before, it counts as soon")
    func addressesGoingSoon() async throws {
        let policy = try PolicyLoader.load(path: InboxFixture.defaultPolicyPath)
        let now = try Self.date("2027-06-01T12:00:00Z")
        let day: TimeInterval = 86_400
        let goingIn6Days = try Self.record(received: now - 84 * day)
        let goingIn8Days = try Self.record(received: now - 82 * day, claimant: "anna")
        let withoutAddress = try Self.record(received: now - 85 * day, fields: [.question])
        let held = try Self.record(received: now - 85 * day, hold: Hold(reason: "court", since: now))
        let closed = try Self.record(received: now - 85 * day, status: .closed)
        let overview = CaseOverview(records: [goingIn6Days, goingIn8Days, withoutAddress, held, closed], policy: policy, now: now)
        #expect(overview.rows[0].addressDeletedUnansweredBy == goingIn6Days.receivedAt + 90 * day)
        #expect(overview.addressesGoingSoon.map(\.record.reference) == [goingIn6Days.reference])
        // The closed case's address goes 30 days after the close (here: its receipt), not unanswered.
        #expect(overview.rows[4].addressDeletedUnansweredBy == nil)
        #expect(overview.rows[4].addressDeletedBy == closed.receivedAt + 30 * day)
        let counts = overview.counts
        #expect(counts.open == 4 && counts.unclaimed == 3 && counts.addressesDeletedUnansweredSoon == 1)
        #expect(counts.overdue == 4)
        #expect(counts.oldestOpenAge == 85 * day)
    }
}
