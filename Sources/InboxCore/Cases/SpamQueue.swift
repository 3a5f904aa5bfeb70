// Moving cases between the open queue and the spam queue. A submission is a public record even
// when it is spam, so nothing is deleted here: a case marked as spam is kept, sealed, until the
// policy's `[spam]` rule destroys it, counted from when it was marked; `not-spam` opens it again
// and stops that count. Both moves are audited in the same transaction as the change.
public import Foundation
import InboxCrypto
public import InboxPolicy
public import InboxStore

public struct SpamQueue: Sendable {
    public let store: any CaseStore
    public let audit: AuditLog
    public let policy: Policy
    public let identity: StaffIdentity

    public init(store: any CaseStore, audit: AuditLog, policy: Policy, identity: StaffIdentity = .current) {
        self.store = store
        self.audit = audit
        self.policy = policy
        self.identity = identity
    }

    /// Marks an open case as spam; returns when the spam rule deletes it (nil without a `[spam]` rule).
    public func markSpam(_ reference: Reference, now: Date = Date()) async throws -> Date? {
        try await move(reference, toSpam: true, now: now)
        return policy.spam.map { $0.keep.added(to: now) }
    }

    /// Opens a spam case again, unclaimed, in the open queue.
    public func markNotSpam(_ reference: Reference, now: Date = Date()) async throws {
        try await move(reference, toSpam: false, now: now)
    }

    private func move(_ reference: Reference, toSpam: Bool, now: Date) async throws {
        guard try await store.record(reference) != nil else { throw CaseError("no record \(reference)") }
        let entry = AuditLog.entry(
            action: toSpam ? .spam : .notSpam, reference: reference, purpose: .answering, at: now, identity: identity)
        do {
            try await audit.append(entry) { append in
                try await store.markSpam(reference, spam: toSpam, by: identity.person, at: now, audit: append)
            }
        } catch StoreError.claimedByOther(_, let holder?) {
            throw CaseError("\(reference) is claimed by \(holder); only they can mark it as spam (or take it over first)")
        } catch StoreError.conflict(_, let why) {
            throw CaseError("\(reference) \(why)")
        }
    }
}
