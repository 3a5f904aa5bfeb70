// The audit log (docs/SECURITY.md, guarantee 6): an entry for every opening, answer, export, erasure, hold and
// release, hash-chained in the database and anchored in the key directory (AnchoredLog), so that
// cutting the end off the log, changing, removing or reordering an entry is found.
public import Foundation
public import InboxCrypto
public import InboxPolicy
public import InboxStore

public struct AuditLog: Sendable {
    public typealias Verification = AnchoredLog.Verification

    public let chain: AnchoredLog

    public init(store: any LogStore, keys: KeyDirectory) {
        chain = AnchoredLog(store: store, keys: keys, log: .audit, title: "audit log") { after in
            // An entry named in the anchor that never reached the log: a command stopped between
            // the two, or someone removed it. The log says so rather than go on silently.
            try CanonicalJSON.encoder.encode(
                Self.entry(
                    action: .entryMissing, reference: nil, purpose: .accountability,
                    reason:
                        "an entry after \(after.map { "entry \($0)" } ?? "the start") was being written when a command stopped, and is not in the log",
                    at: Date()))
        }
    }

    /// The entry for an action by the person running this command.
    public static func entry(
        action: AuditAction, reference: Reference?, purpose: ProcessingPurpose?, reason: String? = nil, tookOverFrom: String? = nil,
        at date: Date, identity: StaffIdentity = .current
    ) -> AuditEntry {
        AuditEntry(
            at: date, uid: identity.uid, user: identity.user, claimedBy: identity.sudo?.user, action: action,
            reference: reference?.text, purpose: purpose, reason: reason, tookOverFrom: tookOverFrom)
    }

    /// Appends an entry, chained to the log's tail once the tail is checked against the anchor.
    public func append(_ entry: AuditEntry) async throws {
        try await chain.append(try CanonicalJSON.encoder.encode(entry))
    }

    /// Appends an entry in one transaction with the change it records: `change` hands the append
    /// to the store method that makes both (CaseStore.markAnswered).
    public func append(_ entry: AuditEntry, along change: (ChainedAppend) async throws -> AppendedEntries) async throws {
        try await chain.append(try CanonicalJSON.encoder.encode(entry), along: change)
    }

    /// Throws unless the log ends where its anchor says, so that a change the log must record is
    /// refused before it is made rather than made and left unrecorded (a restored or tampered log).
    public func checkWritable() async throws {
        _ = try await chain.verifiedTail()
    }

    public func entries() async throws -> [(id: Int64, entry: AuditEntry)] {
        try await chain.entries().map { ($0.id, try CanonicalJSON.decoder.decode(AuditEntry.self, from: $0.body)) }
    }

    /// Checks every link of the chain and that the newest entry is the one the anchor names.
    public func verify() async throws -> Verification {
        try await chain.verify()
    }

    /// Removes the entries whose retention under `policy` has passed at `now`, oldest first, and
    /// moves the checkpoint so that the rest still verifies. The time that decides is the one
    /// inside each entry's hashed body. Returns how many were removed.
    public func removeExpired(asOf now: Date, policy: FieldPolicy) async throws -> Int {
        try await chain.removeExpiredPrefix { stored in
            guard let entry = try? CanonicalJSON.decoder.decode(AuditEntry.self, from: stored.body) else { return false }
            return policy.deadline(received: entry.at, answered: nil).date <= now
        }
    }
}
