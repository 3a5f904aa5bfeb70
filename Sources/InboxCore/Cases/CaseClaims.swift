// Claims: one staff member works on a case at a time, so that two people never answer the same
// question. A claim is a compare-and-set in the store, made in one transaction with its audit
// entry: of two people claiming at once exactly one wins, and the other is told who has it.
// Taking over a colleague's case needs a reason, and the entry names whose claim it ended.
public import Foundation
import InboxPolicy
public import InboxStore

public struct CaseClaims: Sendable {
    public let store: any CaseStore
    public let audit: AuditLog
    public let identity: StaffIdentity

    public init(store: any CaseStore, audit: AuditLog, identity: StaffIdentity = .current) {
        self.store = store
        self.audit = audit
        self.identity = identity
    }

    /// What a claim came to.
    public enum Outcome: Sendable, Equatable {
        /// The case was nobody's and is now this person's.
        case claimed
        /// It was this person's already; nothing changed and nothing was audited.
        case alreadyYours
        /// It was `from`'s; it is this person's now.
        case tookOver(from: String)
    }

    /// Claims an open case nobody holds. A case someone else holds is refused with
    /// `CaseClaimedByOther` unless `takeOverReason` is given, which takes it over.
    @discardableResult
    public func claim(_ reference: Reference, takeOverReason: String? = nil, now: Date = Date()) async throws -> Outcome {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        guard record.status == .open else { throw CaseError("\(reference) is \(record.status.rawValue); there is nothing left to claim") }
        let me = identity.person
        switch record.claim?.claimant {
        case me?:
            return .alreadyYours
        case nil:
            try await change(reference, from: nil, to: me, action: .claim, now: now)
            return .claimed
        case let other?:
            guard let takeOverReason else { throw CaseClaimedByOther(reference: reference, claimant: other) }
            try await change(reference, from: other, to: me, action: .takeOver, reason: takeOverReason, tookOverFrom: other, now: now)
            return .tookOver(from: other)
        }
    }

    /// Gives up this person's own claim. Someone else's claim is theirs to give up, or to be taken
    /// over; an unclaimed case is left as it is.
    public func unclaim(_ reference: Reference, now: Date = Date()) async throws {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        switch record.claim?.claimant {
        case identity.person?:
            try await change(reference, from: identity.person, to: nil, action: .unclaim, now: now)
        case nil:
            throw CaseError("\(reference) is not claimed; nothing to give up")
        case let other?:
            throw CaseError(
                "\(reference) is claimed by \(other), not by you; only they can give it up (or take it over with `inbox claim \(reference) --take-over --reason TEXT`)"
            )
        }
    }

    private func change(
        _ reference: Reference, from expected: String?, to claimant: String?, action: AuditAction, reason: String? = nil,
        tookOverFrom: String? = nil, now: Date
    ) async throws {
        let entry = AuditLog.entry(
            action: action, reference: reference, purpose: .answering, reason: reason, tookOverFrom: tookOverFrom, at: now,
            identity: identity)
        do {
            try await audit.append(entry) { append in
                try await store.changeClaim(reference, from: expected, to: claimant, at: now, audit: append)
            }
        } catch StoreError.claimedByOther(_, let holder?) where holder == identity.person && claimant == identity.person {
            // The same person, claiming in a second terminal at the same moment: it is theirs.
            return
        } catch StoreError.claimedByOther(_, let holder?) where holder != identity.person {
            // A colleague was quicker: nothing was written, and they are named.
            throw CaseClaimedByOther(reference: reference, claimant: holder)
        }
    }
}

/// Someone else holds the case's claim: the command names them and how to take it over.
public struct CaseClaimedByOther: Error, Equatable, CustomStringConvertible {
    public let reference: Reference
    public let claimant: String

    public var description: String {
        "\(reference) is claimed by \(claimant); to take it over, run the command again with --take-over --reason TEXT (the audit log names \(claimant)'s claim)"
    }
}
