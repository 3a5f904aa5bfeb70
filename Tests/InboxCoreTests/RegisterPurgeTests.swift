// Spam and the register under the purge, on a real inbox: spam goes by the policy's `[spam]` rule,
// counted from when it became spam; the register keeps every case's entry after its fields are gone,
// until its own `[register]` rule; and the statistics computed from it do not change on the way.
import Foundation
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore
import Testing

@Suite("register and spam under the purge")
struct RegisterPurgeTests {
    static let day = InboxFixture.day
    /// 10 January 2026, 12:00 UTC.
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)

    /// The register as the statistics see it: everything but when the data went.
    func registerWithoutDeletions(_ inbox: InboxFixture) async throws -> [String] {
        try await inbox.store.registerEntries(receivedFrom: nil, to: nil).map { entry in
            [
                entry.reference.text, entry.shownOutcome, "\(entry.endedAt?.timeIntervalSince1970 ?? 0)",
                "\(entry.firstReplyAt?.timeIntervalSince1970 ?? 0)",
            ]
            .joined(separator: " ")
        }
    }

    @Test("spam by its own clock, the register by its own rule, and the statistics unchanged across three years of purges")
    func lifecycle() async throws {
        let inbox = try InboxFixture(created: t0)
        let trapped = try await inbox.submit(at: t0, isSpam: true)
        let answered = try await inbox.submit(at: t0)
        let marked = try await inbox.submit(at: t0)
        try await inbox.markAnswered(answered.reference, at: t0 + Self.day)
        let queue = SpamQueue(store: inbox.store, audit: inbox.audit, policy: inbox.policy.policy)
        let deletedBy = try await queue.markSpam(marked.reference, now: t0 + 20 * Self.day)
        #expect(deletedBy == t0 + 50 * Self.day)
        let register = try await registerWithoutDeletions(inbox)
        let statistics = CaseStatistics(
            entries: try await inbox.store.registerEntries(receivedFrom: nil, to: nil), policy: inbox.policy.policy, grouping: .month,
            now: t0 + 3000 * Self.day)
        #expect(statistics.total.received == 3 && statistics.total.spam == 2 && statistics.total.answered == 1)

        // Day 31: the trapped spam is 30 days old and goes whole; the answered case's address too.
        let first = try await inbox.purge.run(now: t0 + 31 * Self.day, confirmedClock: true)
        #expect(first.recordsDeleted == [trapped.reference.text])
        #expect(try await inbox.store.record(marked.reference)?.fields == [.email, .question])
        let plan = try await inbox.purge.plan(asOf: t0 + 50 * Self.day)
        #expect(
            plan.fields.filter { $0.reference == marked.reference }.map(\.rule) == [
                "spam: 30 days after marked as spam", "spam: 30 days after marked as spam",
            ])

        // Day 50: the marked one, 30 days after it was marked.
        let second = try await inbox.purge.run(now: t0 + 50 * Self.day, confirmedClock: true)
        #expect(second.recordsDeleted == [marked.reference.text])

        // Three years: the answered case's question and answer are gone; every entry is still there.
        let third = try await inbox.purge.run(now: t0 + 3 * 366 * Self.day, confirmedClock: true)
        #expect(third.recordsDeleted == [answered.reference.text])
        #expect(third.registerEntriesRemoved == 0)
        #expect(try await inbox.store.recordCount() == 0)
        #expect(try await registerWithoutDeletions(inbox) == register)
        let after = CaseStatistics(
            entries: try await inbox.store.registerEntries(receivedFrom: nil, to: nil), policy: inbox.policy.policy, grouping: .month,
            now: t0 + 3000 * Self.day)
        #expect(after.total == statistics.total && after.groups == statistics.groups)
        let entries = try await inbox.store.registerEntries(receivedFrom: nil, to: nil)
        #expect(entries.allSatisfy { $0.deletedAt != nil })

        // Ten years after receipt, and not a day before, the entries go under their own rule.
        let early = try await inbox.purge.run(now: t0 + 3650 * Self.day, confirmedClock: true)
        #expect(early.registerEntriesRemoved == 0)
        let late = try await inbox.purge.run(now: t0 + 3654 * Self.day, confirmedClock: true)
        #expect(late.registerEntriesRemoved == 3)
        #expect(try await inbox.store.registerEntries(receivedFrom: nil, to: nil).isEmpty)
    }

    @Test("a held case keeps its entry whatever the register's rule; without [register] entries are kept for good")
    func heldAndKept() async throws {
        let text = try String(contentsOfFile: InboxFixture.defaultPolicyPath, encoding: .utf8)
        // The default policy without its [register] table, which comes last.
        let withoutRegister = String(try #require(text.range(of: "\n[register]").map { text[..<$0.lowerBound] }))
        let inbox = try InboxFixture(created: t0, policyText: withoutRegister + "\n")
        #expect(inbox.policy.policy.register.keep == nil)
        try await inbox.submit(at: t0)
        let held = try await inbox.submit(at: t0)
        try await inbox.setHoldMarker(held.reference, hold: Hold(reason: "court order", since: t0 + Self.day))
        let run = try await inbox.purge.run(now: t0 + 20 * 366 * Self.day, confirmedClock: true)
        #expect(run.recordsDeleted.count == 1 && run.registerEntriesRemoved == 0)
        #expect(try await inbox.store.registerEntries(receivedFrom: nil, to: nil).count == 2)
    }
}
