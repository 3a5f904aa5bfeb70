// Erasure on request (GDPR art. 17): every field and index entry of the records goes at once, the
// references go onto the suppression list (so a restored database loses them again), and each
// erasure is audited. A held record is erased only when the hold is expressly overridden.
public import Foundation
public import InboxCrypto
import InboxPolicy
public import InboxStore

public struct Erasure: Sendable {
    /// What was done, with no personal data: references and counts only.
    public struct Receipt: Sendable, Codable, Equatable {
        public let erasedAt: Date
        public let references: [String]

        enum CodingKeys: String, CodingKey {
            case erasedAt = "erased_at"
            case references
        }
    }

    public let store: any RequestStore
    public let keys: KeyDirectory
    public let suppression: SuppressionList
    public let audit: AuditLog

    public init(store: any RequestStore, keys: KeyDirectory, audit: AuditLog) {
        self.store = store
        self.keys = keys
        self.suppression = SuppressionList(keys: keys)
        self.audit = audit
    }

    /// Erases `references`. Held ones are refused unless `overrideHoldReason` is given.
    public func erase(_ references: [Reference], overrideHoldReason: String? = nil, now: Date = Date()) async throws -> Receipt {
        // An erasure cannot be undone: if its audit entries could not be written, it is not begun.
        try await audit.checkWritable()
        var holdKeys: [(key: UInt32, reference: Reference)] = []
        let register = HoldRegister(keys: keys)
        let releases = ReleaseList(keys: keys)
        for reference in references {
            guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
            if let hold = record.hold, overrideHoldReason == nil {
                throw CaseError("\(reference) is held (\(hold.reason)); erase it only with --override-hold --reason TEXT")
            }
            // The register's keys for this record, never the ones the database names.
            if let key = try register.activeHoldKey(of: reference, releases: releases) { holdKeys.append((key, reference)) }
        }
        // The suppression list first: if the deletion then fails, the next purge finishes it. A
        // purge running meanwhile may delete a record itself, from the list: the erasure is this
        // request's all the same, and audited as such.
        try suppression.append(references, at: now)
        _ = try await store.erase(references, at: now)
        // An erased held record's hold keys seal nothing any more, but copies in backups: they go.
        for (key, reference) in holdKeys {
            try releases.append(holdKey: key, reference: reference, at: now)
            try keys.destroyHoldKeys(key)
        }
        for reference in references {
            try await audit.append(
                AuditLog.entry(action: .erase, reference: reference, purpose: .accessRequest, reason: overrideHoldReason, at: now))
        }
        try await store.reclaimDeletedData()
        return Receipt(erasedAt: now, references: references.map(\.text))
    }
}
