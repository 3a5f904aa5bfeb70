// `inbox purge`: carries out what the policy says must go. Needs no passphrase: it reads event
// times in clear, deletes sealed bytes it never opens, and deletes key files it never reads.
public import Foundation
public import InboxCrypto
import InboxPolicy
public import InboxStore

public struct Purge: Sendable {
    public let policy: LoadedPolicy
    public let store: any PurgeStore & LogStore
    public let keys: KeyDirectory
    /// The audit log, whose entries the purge removes once the policy's retention for them passed.
    public let audit: AuditLog
    public let suppression: SuppressionList
    public let releases: ReleaseList
    /// Fields deleted per transaction, so that the server's group commits are never held up long.
    public var batchSize = 500
    /// The boot clock, read when a run starts; nil leaves the boot-clock check out (tests that move
    /// the wall clock by hand).
    public var bootTime: @Sendable () -> BootTime? = { BootTime.current() }

    public init(policy: LoadedPolicy, store: any PurgeStore & LogStore, keys: KeyDirectory, audit: AuditLog) {
        self.policy = policy
        self.store = store
        self.keys = keys
        self.audit = audit
        self.suppression = SuppressionList(keys: keys)
        self.releases = ReleaseList(keys: keys)
    }

    var planner: PurgePlanner {
        PurgePlanner(policy: policy.policy, store: store, keys: keys, suppression: suppression)
    }

    var log: PurgeLog { PurgeLog(store: store, keys: keys) }

    /// What a purge at `date` would do. Changes nothing.
    public func plan(asOf date: Date) async throws -> PurgePlan {
        try await planner.plan(asOf: date)
    }

    /// Whether the clock says a time a purge may act on (PurgeClock).
    public func judgeClock(now: Date) async throws -> PurgeClock.Verdict {
        let last = try await log.lastReport()
        return PurgeClock.judge(now: now, lastRun: last?.ranAt, maxGap: policy.policy.purge.maxGap, lastBoot: last?.boot, boot: bootTime())
    }

    /// Purges now: erases suppressed records again, lets go of holds released since a restored
    /// backup was made, deletes expired fields in bounded batches, destroys expired keys, creates
    /// missing epochs ahead, appends one purge-log entry and truncates the WAL. Running it twice in
    /// a row deletes nothing the second time. Refuses a clock it cannot trust unless
    /// `confirmedClock`; throws `PurgeIncomplete` (after recording the run) when a key could not be
    /// destroyed, so that the timer's next run tries again and the operator hears of it.
    ///
    /// Erasures and releases are applied again first, before the purge log is read: they depend on
    /// no clock, and after a restore the log refuses every run until an operator accepts it, while
    /// the restored records must not wait for that.
    public func run(now: Date, confirmedClock: Bool = false) async throws -> PurgeReport {
        try await store.withPurgeLock(isolation: nil) { try await runAlone(now: now, confirmedClock: confirmedClock) }
    }

    private func runAlone(now: Date, confirmedClock: Bool) async throws -> PurgeReport {
        let (reapplied, holdsReapplied) = try await reapplyAfterRestore(at: now)
        let previous = try await log.lastReport()
        let boot = bootTime()
        let verdict = PurgeClock.judge(
            now: now, lastRun: previous?.ranAt, maxGap: policy.policy.purge.maxGap, lastBoot: previous?.boot, boot: boot)
        switch verdict {
        case .plausible: break
        case .earlierThanLastRun: throw PurgeClockError(verdict: verdict, now: now)
        case .gapTooLong, .aheadOfTheBootClock: if !confirmedClock { throw PurgeClockError(verdict: verdict, now: now) }
        }

        let expired = try await planner.expiredFields(asOf: now)
        var recordsDeleted: [Reference] = []
        var deletedFields: [String: Int] = [:]
        for start in stride(from: 0, to: expired.count, by: batchSize) {
            let batch = expired[start..<min(start + batchSize, expired.count)]
            recordsDeleted += try await store.deleteFields(
                batch.map { FieldToDelete(recordID: $0.recordID, field: $0.field, spamSince: $0.spamSince) }, at: now)
            for expiry in batch { deletedFields[expiry.field.rawValue, default: 0] += 1 }
        }

        // Destruction first, the record of it after: the report names only keys whose files are
        // all gone. A key that could not be destroyed stays `destroying` and is tried again.
        var destroyed: [String] = []
        var failed: [String] = []
        for key in try planner.expiredKeys(asOf: now) {
            let name = "\(key.epoch)/\(key.field.rawValue)"
            do {
                try keys.destroy(epoch: key.epoch, field: key.field, now: now)
                destroyed.append(name)
            } catch {
                failed.append("\(name): \(error)")
            }
        }
        failed += try finishReleases()
        let created = try keys.createMissingEpochs(now: now)
        // A damaged audit log stops its own retention, not the rest of the purge; the run reports it.
        var auditRemoved = 0
        do {
            auditRemoved = try await audit.removeExpired(asOf: now, policy: policy.policy.field(.audit))
        } catch {
            failed.append("audit log retention: \(error)")
        }

        // After the fields: an entry whose case was deleted whole in this run may be due as well.
        var registerRemoved = 0
        let expiredEntries = try await planner.expiredRegisterEntries(asOf: now)
        for start in stride(from: 0, to: expiredEntries.count, by: batchSize) {
            registerRemoved += try await store.deleteRegisterEntries(
                Array(expiredEntries[start..<min(start + batchSize, expiredEntries.count)]))
        }

        var report = PurgeReport(
            ranAt: now, policyDigest: policy.digest,
            previousPolicyDigest: previous.flatMap { $0.policyDigest == policy.digest ? nil : $0.policyDigest },
            deletedFields: deletedFields, referencesAffected: Array(Set(expired.map(\.reference.text))).sorted(),
            recordsDeleted: recordsDeleted.map(\.text).sorted(), suppressionReapplied: reapplied.map(\.text).sorted(),
            keysDestroyed: destroyed, epochsCreated: created, auditEntriesRemoved: auditRemoved, keysFailed: failed,
            holdsReapplied: holdsReapplied.map(\.text).sorted(), boot: boot)
        report.registerEntriesRemoved = registerRemoved
        try await log.append(report)
        // Last, so that the WAL holds nothing afterwards: not the deleted ciphertext, and not this
        // run's own writes. Every run does it, so a run that was interrupted here is finished by
        // the next.
        try await store.reclaimDeletedData()
        if !failed.isEmpty { throw PurgeIncomplete(report: report) }
        return report
    }

    /// What a restored database brought back that was since erased or released, applied again:
    /// `inbox audit restore` calls it at once, and every run does it too.
    public func reapplyAfterRestore(at now: Date) async throws -> (erased: [Reference], released: [Reference]) {
        let erased = try await store.erase(try await planner.suppressedReferences(), at: now)
        // Not a byte of what was erased again may linger in the WAL (the run truncates it again at
        // its end; a run refused by its log or clock would not get there).
        if !erased.isEmpty { try await store.reclaimDeletedData() }
        return (erased, try await releaseRestoredHolds())
    }

    /// A held record whose hold was released after the database was backed up comes back held when
    /// the backup is restored. The release list says so, as do hold keys that are gone: its fields
    /// are sealed to keys that no longer exist, and the policy applies to it again.
    func releaseRestoredHolds() async throws -> [Reference] {
        let released = Set(try releases.entries().map(\.holdKey))
        let held = try await store.holdKeysInUse()
        let gone = held.filter { !keys.holdKeysRemain($0) }
        return try await store.clearHolds(withKeys: released.union(gone).intersection(held))
    }

    /// Finishes releases whose hold keys were not all deleted (a release interrupted, or a failed
    /// unlink): the release list names them.
    func finishReleases() throws -> [String] {
        var failed: [String] = []
        for holdKey in Set(try releases.entries().map(\.holdKey)) where keys.holdKeysRemain(holdKey) {
            do { try keys.destroyHoldKeys(holdKey) } catch { failed.append("hold \(holdKey): \(error)") }
        }
        return failed
    }
}

/// A purge that did everything else but could not do all it had to: destroy a key due (it stays
/// `destroying` until a later run deletes it), or remove the audit log's expired entries.
public struct PurgeIncomplete: Error, CustomStringConvertible {
    public let report: PurgeReport

    public var description: String {
        "the purge could not do everything; a later run tries again: " + (report.keysFailed ?? []).joined(separator: "; ")
    }
}
