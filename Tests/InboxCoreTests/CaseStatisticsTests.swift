// The statistics of the register: counts per outcome, the time to the first reply by nearest rank,
// overdue against the due day of each case's topic, and an erasure that changes only the erased count.
import Foundation
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore
import Testing

@Suite("case statistics")
struct CaseStatisticsTests {
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400
    /// Monday 7 December 2026, 12:00 in Stockholm: due on the 9th (accessibility) or the 14th.
    let monday = Date(timeIntervalSince1970: 1_796_641_200)

    func entry(
        topic: String? = nil, page: String? = nil, outcome: RecordStatus, ended: TimeInterval? = nil, reply: TimeInterval? = nil,
        erased: Bool = false, received: Date? = nil
    ) throws -> RegisterEntry {
        let received = received ?? monday
        return RegisterEntry(
            reference: try Reference.random(), receivedAt: received, language: .sv, topic: topic, page: page, outcome: outcome,
            closeReason: outcome == .closed ? .noAnswerNeeded : nil, endedAt: ended.map { received + $0 },
            firstReplyAt: reply.map { received + $0 }, erasedAt: erased ? received + 30 * Self.day : nil,
            deletedAt: erased ? received + 30 * Self.day : nil)
    }

    @Test("counts, nearest-rank percentiles of the first reply, and overdue by each topic's due day")
    func figures() throws {
        let policy = try PolicyLoader.load(path: InboxFixture.defaultPolicyPath)
        let entries = [
            try entry(outcome: .answered, ended: 1 * Self.day, reply: 1 * Self.hour),
            try entry(outcome: .answered, ended: 8 * Self.day, reply: 2 * Self.hour),  // after the 14th: overdue
            try entry(topic: "accessibility", outcome: .answered, ended: 3 * Self.day, reply: 3 * Self.day),  // after the 9th: overdue
            try entry(topic: "accessibility", page: "/om", outcome: .closed, ended: 1 * Self.day),
            try entry(outcome: .spam, ended: 0),
            try entry(outcome: .open),  // open past its due day at `now`: overdue
            try entry(outcome: .answered, ended: 2 * Self.day, reply: 4 * Self.hour, erased: true),
        ]
        let statistics = CaseStatistics(entries: entries, policy: policy, grouping: .topic, now: monday + 30 * Self.day)
        let total = statistics.total
        #expect(total.received == 7 && total.answered == 4 && total.closed == 1 && total.spam == 1 && total.open == 1)
        #expect(total.erased == 1)
        // Replies: 1 h, 2 h, 4 h, 3 d. Median (rank 2 of 4): 2 h; 90th (rank 4): 3 d.
        #expect(total.medianFirstReply == 2 * Self.hour)
        #expect(total.percentile90FirstReply == 3 * Self.day)
        #expect(total.overdue == 3)
        #expect(statistics.groups.map(\.group) == ["-", "accessibility"])
        #expect(statistics.groups.map(\.received) == [5, 2])
        #expect(statistics.groups.map(\.overdue) == [2, 1])
        #expect(statistics.groups.last?.medianFirstReply == 3 * Self.day)
    }

    @Test("an erasure changes the erased count only; a case that got no reply has no time to it")
    func erasure() throws {
        let policy = try PolicyLoader.load(path: InboxFixture.defaultPolicyPath)
        let before = CaseStatistics(
            entries: [try entry(outcome: .answered, ended: Self.day, reply: Self.day)], policy: policy, grouping: nil, now: monday)
        let after = CaseStatistics(
            entries: [try entry(outcome: .answered, ended: Self.day, reply: Self.day, erased: true)], policy: policy, grouping: nil,
            now: monday)
        #expect(before.total.answered == after.total.answered && before.total.medianFirstReply == after.total.medianFirstReply)
        #expect(before.total.erased == 0 && after.total.erased == 1)
        let silent = CaseStatistics(entries: [try entry(outcome: .closed, ended: Self.day)], policy: policy, grouping: nil, now: monday)
        #expect(silent.total.medianFirstReply == nil && silent.total.percentile90FirstReply == nil)
        #expect(CaseStatistics(entries: [], policy: policy, grouping: .month, now: monday).groups.isEmpty)
    }

    @Test("months are Swedish months: a case received late on the last evening of a month in UTC counts for the next")
    func months() throws {
        let policy = try PolicyLoader.load(path: InboxFixture.defaultPolicyPath)
        // 30 November 2026, 23:30 UTC: 1 December in Stockholm.
        let lateEvening = Date(timeIntervalSince1970: 1_796_081_400)
        let statistics = CaseStatistics(
            entries: [try entry(outcome: .open, received: lateEvening), try entry(outcome: .open)], policy: policy, grouping: .month,
            now: monday)
        #expect(statistics.groups.map(\.group) == ["2026-12"])
        #expect(statistics.groups.first?.received == 2)
    }
}
