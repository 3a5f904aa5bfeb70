// `inbox purge`: carries out what the policy says must go. Needs no passphrase: it reads event
// times in clear, deletes sealed bytes it never opens, and deletes key files it never reads.
public import Foundation
public import InboxCrypto
import InboxPolicy
public import InboxStore

public struct Purge: Sendable {
    public let policy: LoadedPolicy
    public let store: any InboxStore
    public let keys: KeyDirectory
    public let suppression: SuppressionList
    /// Fields deleted per transaction, so that the server's group commits are never held up long.
    public var batchSize = 500

    public init(policy: LoadedPolicy, store: any InboxStore, keys: KeyDirectory) {
        self.policy = policy
        self.store = store
        self.keys = keys
        self.suppression = SuppressionList(keyDirectory: keys.path)
    }

    var planner: PurgePlanner {
        PurgePlanner(policy: policy.policy, store: store, keys: keys, suppression: suppression)
    }

    /// What a purge at `date` would do. Changes nothing.
    public func plan(asOf date: Date) throws -> PurgePlan {
        try planner.plan(asOf: date)
    }

    /// Purges now: erases suppressed records again, deletes expired fields in bounded batches,
    /// destroys expired keys, creates missing epochs ahead, appends one purge-log entry and
    /// truncates the WAL. Running it twice in a row deletes nothing the second time.
    public func run(now: Date) throws -> PurgeReport {
        let log = PurgeLog(store: store)
        let previousDigest = try log.lastReport()?.policyDigest

        let reapplied = try store.erase(try planner.suppressedReferences())

        let expired = try planner.expiredFields(asOf: now)
        var recordsDeleted: [Reference] = []
        var deletedFields: [String: Int] = [:]
        for start in stride(from: 0, to: expired.count, by: batchSize) {
            let batch = expired[start..<min(start + batchSize, expired.count)]
            recordsDeleted += try store.deleteFields(batch.map { ($0.recordID, $0.field) })
            for expiry in batch { deletedFields[expiry.field.rawValue, default: 0] += 1 }
        }

        var destroyed: [String] = []
        for key in try planner.expiredKeys(asOf: now) {
            try keys.destroy(epoch: key.epoch, field: key.field, now: now)
            destroyed.append("\(key.epoch)/\(key.field.rawValue)")
        }
        let created = keys.isInitialized ? try keys.createMissingEpochs(now: now) : []
        let auditRemoved = try AuditLog(store: store, keyDirectory: keys.path).removeExpired(asOf: now, policy: policy.policy.field(.audit))

        let report = PurgeReport(
            ranAt: now, policyDigest: policy.digest,
            previousPolicyDigest: previousDigest.flatMap { $0 == policy.digest ? nil : $0 },
            deletedFields: deletedFields, referencesAffected: Array(Set(expired.map(\.reference.text))).sorted(),
            recordsDeleted: recordsDeleted.map(\.text).sorted(), suppressionReapplied: reapplied.map(\.text).sorted(),
            keysDestroyed: destroyed, epochsCreated: created, auditEntriesRemoved: auditRemoved)
        try log.append(report)
        // Last, so that the WAL holds nothing afterwards: not the deleted ciphertext, and not this
        // run's own writes. Every run does it, so a run that was interrupted here is finished by
        // the next.
        try store.reclaimDeletedData()
        return report
    }
}
