// `inbox stats`: what came in and what became of it, computed from the register alone, so that the
// purge (which deletes fields and records, never a register entry before its own rule) does not
// change last year's figures. An erasure removes a person's data, not the fact that their question
// was answered: an erased case still counts as answered or closed, and is counted as erased too.
public import Foundation
public import InboxPolicy
public import InboxStore
import InboxTime

public struct CaseStatistics: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case month, topic, page
    }

    /// The figures of one group (or of all entries).
    public struct Figures: Sendable, Equatable {
        public let group: String
        public let received: Int
        public let answered: Int
        public let closed: Int
        public let spam: Int
        public let open: Int
        public let erased: Int
        /// Seconds from receipt to the first message the citizen was sent (an interim reply, the
        /// answer or a forward's message), of the cases that got one; nil when none did.
        public let medianFirstReply: TimeInterval?
        public let percentile90FirstReply: TimeInterval?
        /// Cases not spam that ended after their due day, or are still open past it.
        public let overdue: Int
    }

    public let total: Figures
    public let groups: [Figures]

    public init(entries: [RegisterEntry], policy: Policy, grouping: Grouping?, now: Date) {
        total = Self.figures("all", entries, policy: policy, now: now)
        guard let grouping else {
            groups = []
            return
        }
        var grouped: [String: [RegisterEntry]] = [:]
        for entry in entries { grouped[Self.key(entry, grouping), default: []].append(entry) }
        groups = grouped.keys.sorted().map { Self.figures($0, grouped[$0] ?? [], policy: policy, now: now) }
    }

    static func key(_ entry: RegisterEntry, _ grouping: Grouping) -> String {
        switch grouping {
        case .month:
            let day = StockholmTime.day(of: entry.receivedAt)
            return String(format: "%04d-%02d", day.year, day.month)
        case .topic: return entry.topic ?? "-"
        case .page: return entry.page ?? "-"
        }
    }

    static func figures(_ group: String, _ entries: [RegisterEntry], policy: Policy, now: Date) -> Figures {
        let cases = entries.filter { $0.outcome != .spam }
        let replies = cases.compactMap { entry in entry.firstReplyAt.map { max(0, $0.timeIntervalSince(entry.receivedAt)) } }.sorted()
        let overdue = cases.filter { entry in
            guard let due = policy.due(receivedAt: entry.receivedAt, topic: entry.topic) else { return false }
            // An ended case by when it ended; one whose data went while open, by then; else now.
            let end = entry.outcome == .open ? (entry.deletedAt ?? now) : (entry.endedAt ?? now)
            return due.isOverdue(at: end)
        }
        return Figures(
            group: group, received: entries.count, answered: entries.count { $0.outcome == .answered },
            closed: entries.count { $0.outcome == .closed }, spam: entries.count { $0.outcome == .spam },
            open: entries.count { $0.outcome == .open }, erased: entries.count { $0.erasedAt != nil },
            medianFirstReply: percentile(replies, 50), percentile90FirstReply: percentile(replies, 90), overdue: overdue.count)
    }

    /// The nearest-rank percentile of sorted values: the smallest value with at least `p` per cent
    /// of the values at or below it.
    static func percentile(_ sorted: [TimeInterval], _ p: Int) -> TimeInterval? {
        guard !sorted.isEmpty else { return nil }
        let rank = max(1, Int((Double(p) / 100 * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }
}
