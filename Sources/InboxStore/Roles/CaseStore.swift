// What staff read and answer with: records, their sealed fields, drafts, and the answer, which is
// recorded together with its audit entry.
public import Foundation
public import InboxCrypto

public protocol CaseStore: Sendable {
    func record(_ reference: Reference) async throws -> StoredRecord?

    /// Records by status (nil: all), oldest first. `held: true` returns only held records.
    func records(status: RecordStatus?, held: Bool?) async throws -> [StoredRecord]

    func recordCount() async throws -> Int

    /// The sealed bytes of a record's fields.
    func sealedFields(of reference: Reference) async throws -> [RecordField: Data]

    /// The sealed draft of a record's answer, if one was kept.
    func draft(of reference: Reference) async throws -> Data?

    /// Keeps an answer that has not been sent (yet), sealed, replacing an earlier draft. Deleting
    /// the record or its address deletes the draft.
    func saveDraft(_ reference: Reference, sealedDraft: Data, at: Date) async throws

    /// Records the answer in one transaction with `audit`: stores its sealed bytes, sets
    /// `answered_at` and the status, deletes the record's draft, and appends the audit entry. Either
    /// both are kept or neither. `heldWith` is the hold key the answer was sealed to (nil: sealed
    /// for a record not held; a hold without a key of its own counts as key 0): a record answered,
    /// held or released since is refused with `StoreError.conflict`, so that a first answer is
    /// never replaced and a hold always covers every field.
    func markAnswered(
        _ reference: Reference, sealedAnswer: Data, at: Date, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries
}
