// Works out what the policy in force says must go at a given moment. Deadlines are never stored:
// they are computed from the event times at every run, so a shortened retention applies to
// existing records at the next purge.
public import Foundation
public import InboxCrypto
public import InboxPolicy
public import InboxStore

public struct PurgePlanner: Sendable {
    public let policy: Policy
    public let store: any PurgeStore
    public let keys: KeyDirectory
    public let suppression: SuppressionList
    public init(policy: Policy, store: any PurgeStore, keys: KeyDirectory, suppression: SuppressionList) {
        self.policy = policy
        self.store = store
        self.keys = keys
        self.suppression = suppression
    }

    public func plan(asOf now: Date) async throws -> PurgePlan {
        PurgePlan(
            asOf: now, fields: try await expiredFields(asOf: now), keys: try expiredKeys(asOf: now),
            suppressed: try await suppressedReferences())
    }

    /// Every present, unheld field whose deadline is at or before `now`. Each rule and the hard
    /// maximum give a range query on an event time; the candidates are then checked exactly.
    func expiredFields(asOf now: Date) async throws -> [PurgePlan.FieldExpiry] {
        var expired: [PurgePlan.FieldExpiry] = []
        for field in RecordField.allCases {
            let fieldPolicy = policy.field(PolicyField(field))
            var queries: [(CandidateEvent, RetentionDuration)] = [(.received, fieldPolicy.hardMaximum)]
            for rule in fieldPolicy.retention {
                let event: CandidateEvent =
                    switch rule.event {
                    case .answered: .answered
                    case .closed: .closed
                    case .received, .recorded: .received
                    }
                queries.append((event, rule.keep))
            }
            var seen = Set<Int64>()
            var candidates: [PurgeCandidate] = []
            for (event, duration) in queries {
                candidates += try await allCandidates(field: field, event: event, cutoff: duration.latestStart(expiringBy: now))
            }
            if let spam = policy.spam {
                candidates += try await store.spamCandidates(
                    field: field, cutoff: spam.keep.latestStart(expiringBy: now), limit: Int(Int32.max))
            }
            // The range queries find every field that may have expired; the exact check with the
            // deadline that `inbox list` shows too decides.
            for candidate in candidates where !seen.contains(candidate.recordID) {
                let deadline = policy.deadline(
                    of: PolicyField(field), received: candidate.receivedAt, answered: candidate.answeredAt, closed: candidate.closedAt,
                    markedSpam: candidate.markedSpamAt)
                guard deadline.date <= now else { continue }
                seen.insert(candidate.recordID)
                expired.append(
                    PurgePlan.FieldExpiry(
                        recordID: candidate.recordID, reference: candidate.reference, field: field, deadline: deadline.date,
                        rule: deadline.rule, spamSince: deadline.spamSince))
            }
        }
        return expired.sorted { ($0.deadline, $0.reference, $0.field.rawValue) < ($1.deadline, $1.reference, $1.field.rawValue) }
    }

    private func allCandidates(field: RecordField, event: CandidateEvent, cutoff: Date) async throws -> [PurgeCandidate] {
        // The query returns only fields still present with an event time up to the cutoff: the
        // expired ones and at most a day of slack, so the cost follows the expired count.
        try await store.purgeCandidates(field: field, event: event, cutoff: cutoff, limit: Int(Int32.max))
    }

    /// Register entries whose `[register]` time has passed and whose case has no record left; none
    /// when the policy keeps the register for good.
    func expiredRegisterEntries(asOf now: Date) async throws -> [Reference] {
        guard let keep = policy.register.keep else { return [] }
        return try await store.registerCandidates(cutoff: keep.latestStart(expiringBy: now), limit: Int(Int32.max))
            .filter { keep.added(to: $0.receivedAt) <= now }.map(\.reference)
    }

    /// Keys of past epochs whose end plus the field's hard maximum has passed and of which any file
    /// remains (a destruction cut short is finished). Never a hold's key, a current or a future
    /// epoch's.
    func expiredKeys(asOf now: Date) throws -> [PurgePlan.KeyExpiry] {
        guard keys.isInitialized else { return [] }
        var expired: [PurgePlan.KeyExpiry] = []
        for status in try keys.list(now: now) where status.state == .retired || (status.state == .destroying && !status.isHoldKey) {
            guard let end = status.ends, end <= now else { continue }
            let due = policy.keyDestructionDate(epochEnd: end, field: PolicyField(status.field))
            if due <= now { expired.append(PurgePlan.KeyExpiry(epoch: status.epoch, field: status.field, due: due)) }
        }
        return expired
    }

    func suppressedReferences() async throws -> [Reference] {
        try await store.presentReferences(try suppression.entries().map(\.reference))
    }
}
