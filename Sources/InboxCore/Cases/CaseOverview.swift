// What is waiting, computed from the records and the policy alone (nothing is opened, so no
// passphrase is needed): each case's due day and whether it is overdue, when its address will be
// deleted if nobody answers, and the counts that `inbox metrics` exports and `inbox digest` mails.
// `inbox list`, the metrics and the digest all read it, so they never disagree.
public import Foundation
import InboxCrypto
public import InboxPolicy
public import InboxStore

public struct CaseOverview: Sendable {
    /// One record as staff see it in a listing.
    public struct Row: Sendable {
        public let record: StoredRecord
        /// When an open case is due (nil: it has ended, or the policy sets no due dates).
        public let due: CaseDue?
        public let isOverdue: Bool
        /// When the address will be deleted under the policy as things stand; nil when there is none
        /// or the record is held.
        public let addressDeletedBy: Date?
        /// For an open case with an address: when the address goes if nobody answers or closes it.
        public let addressDeletedUnansweredBy: Date?
    }

    /// The gauges of the team's day: no personal data, only counts and an age.
    public struct Counts: Sendable, Equatable {
        public let open: Int
        public let unclaimed: Int
        public let overdue: Int
        /// How long the oldest open case has waited; zero when none is open.
        public let oldestOpenAge: TimeInterval
        /// Open cases whose address goes, unanswered, within `CaseOverview.soon`.
        public let addressesDeletedUnansweredSoon: Int
    }

    /// How far ahead "soon" looks: the digest and the gauge warn a week before an address goes.
    public static let soon: TimeInterval = 7 * 86_400

    public let rows: [Row]
    public let now: Date

    public init(records: [StoredRecord], policy: Policy, now: Date) {
        self.now = now
        let email = policy.field(.email)
        rows = records.map { record in
            let open = record.status == .open
            let due = open ? policy.due(receivedAt: record.receivedAt, topic: record.topic) : nil
            let hasAddress = record.fields.contains(.email) && record.hold == nil
            return Row(
                record: record, due: due, isOverdue: due?.isOverdue(at: now) ?? false,
                addressDeletedBy: hasAddress
                    ? policy.deadline(
                        of: .email, received: record.receivedAt, answered: record.answeredAt, closed: record.closure?.at,
                        markedSpam: record.markedSpamAt
                    ).date : nil,
                addressDeletedUnansweredBy: hasAddress && open ? email.deadline(received: record.receivedAt, answered: nil).date : nil)
        }
    }

    /// The open cases that are overdue, oldest first.
    public var overdue: [Row] { rows.filter(\.isOverdue) }

    /// The open cases whose address goes unanswered within `soon`, soonest first.
    public var addressesGoingSoon: [Row] {
        rows.filter { row in row.addressDeletedUnansweredBy.map { $0 <= now + Self.soon } ?? false }
            .sorted { ($0.addressDeletedUnansweredBy ?? now) < ($1.addressDeletedUnansweredBy ?? now) }
    }

    public var counts: Counts {
        let open = rows.filter { $0.record.status == .open }
        return Counts(
            open: open.count, unclaimed: open.filter { $0.record.claim == nil }.count, overdue: overdue.count,
            oldestOpenAge: open.map { max(0, now.timeIntervalSince($0.record.receivedAt)) }.max() ?? 0,
            addressesDeletedUnansweredSoon: addressesGoingSoon.count)
    }
}
