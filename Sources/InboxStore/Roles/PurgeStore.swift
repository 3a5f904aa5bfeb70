// What the purge needs: event times and hold markers in clear, deletion of sealed bytes it never
// opens, and nothing else. It never reads a sealed field.
public import Foundation
public import InboxCrypto

public protocol PurgeStore: Sendable {
    /// Runs `body` as the only purge: a second one at the same time, on this host or another, is
    /// refused at once (`StoreError.busy`) rather than interleaved; the timer's next run goes on.
    func withPurgeLock<T>(isolation: isolated (any Actor)?, _ body: () async throws -> T) async throws -> T

    /// Fields of `field` not held whose `event` time is at or before `cutoff`, oldest first, at
    /// most `limit`. Touches only fields still present, so its cost follows the expired count.
    func purgeCandidates(field: RecordField, event: CandidateEvent, cutoff: Date, limit: Int) async throws -> [PurgeCandidate]

    /// Fields of `field` of spam records not held that became spam at or before `cutoff`, oldest
    /// first, at most `limit`.
    func spamCandidates(field: RecordField, cutoff: Date, limit: Int) async throws -> [PurgeCandidate]

    /// Deletes the given fields (and, with email, the index entries and the draft) in one
    /// transaction, then the records left without fields, noting `at` in their register entries.
    /// Returns the references of the records deleted whole.
    func deleteFields(_ fields: [FieldToDelete], at: Date) async throws -> [Reference]

    /// Register entries of cases received at or before `cutoff` whose record is gone, oldest first,
    /// at most `limit`: the candidates of the `[register]` rule.
    func registerCandidates(cutoff: Date, limit: Int) async throws -> [(reference: Reference, receivedAt: Date)]

    /// Deletes these register entries, in one transaction, unless their record is back (a restore).
    /// Returns how many went.
    func deleteRegisterEntries(_ references: [Reference]) async throws -> Int

    /// Those of `references` that are stored (the suppression list's, after a restore).
    func presentReferences(_ references: [Reference]) async throws -> [Reference]

    /// Deletes records with every field and index entry (the suppression list applied again), and
    /// marks their register entries erased at `at` (the first erasure's time stays). Returns the
    /// references that were present.
    func erase(_ references: [Reference], at: Date) async throws -> [Reference]

    /// The hold keys that held records are sealed to.
    func holdKeysInUse() async throws -> Set<UInt32>

    /// Clears the hold of records whose hold was released after the database was backed up (the
    /// release list says so): their fields are sealed to hold keys that no longer exist.
    func clearHolds(withKeys keyIDs: Set<UInt32>) async throws -> [Reference]

    /// Makes deleted data unrecoverable from the engine's files (SQLite: truncates the WAL).
    func reclaimDeletedData() async throws
}

extension PurgeStore {
    /// Tests' shorthand: the register notes the deletion at the current time.
    public func deleteFields(_ fields: [FieldToDelete]) async throws -> [Reference] {
        try await deleteFields(fields, at: Date())
    }
}
