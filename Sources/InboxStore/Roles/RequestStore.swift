// A person's access and erasure requests (GDPR art. 15 and 17) and legal holds: finding a person's
// records by their address's index entries, erasing records whole, and re-sealing a record to
// other keys when it is held or released.
public import Foundation
public import InboxCrypto

public protocol RequestStore: CaseStore {
    /// The records whose email index holds `hmac` (computed under one epoch's index key).
    func references(withEmailIndex hmac: Data) async throws -> [Reference]

    /// Deletes records with every field and index entry, and marks their register entries erased at
    /// `at` (the entry itself stays: it holds no personal data). Returns the references that were
    /// present.
    func erase(_ references: [Reference], at: Date) async throws -> [Reference]

    /// Replaces a record's sealed fields, its draft, notes and email index entry and sets or clears
    /// its hold, in one transaction: holding and releasing re-seal a record to other keys. A note
    /// or a draft written since they were read (not in `sealedNotes`, or a draft where `sealedDraft`
    /// is nil) is refused with `StoreError.conflict`, so nothing stays sealed to the old keys.
    func reseal(
        _ reference: Reference, sealedFields: [RecordField: Data], sealedDraft: Data?, sealedNotes: [Int64: Data],
        emailIndex: EmailIndexEntry?, hold: Hold?
    ) async throws

    /// Makes deleted data unrecoverable from the engine's files (SQLite: truncates the WAL).
    func reclaimDeletedData() async throws
}

extension RequestStore {
    /// Tests' shorthand: the register notes the erasure at the current time.
    public func erase(_ references: [Reference]) async throws -> [Reference] {
        try await erase(references, at: Date())
    }
}
