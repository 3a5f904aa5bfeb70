// The storage contract every engine implements (SQLite now, PostgreSQL later). SQL stays inside
// the engines; the contract test suite runs against each of them.
public import Foundation
public import InboxCrypto

public protocol InboxStore: Sendable {
    /// Stores submissions in one durable transaction: all or none (group commit).
    func insert(_ submissions: [NewSubmission]) throws

    func record(_ reference: Reference) throws -> StoredRecord?

    /// Records by status (nil: all), oldest first. `held: true` returns only held records.
    func records(status: RecordStatus?, held: Bool?) throws -> [StoredRecord]

    func recordCount() throws -> Int

    /// The sealed bytes of a record's fields.
    func sealedFields(of reference: Reference) throws -> [RecordField: Data]

    /// The records whose email index holds `hmac` (computed under one epoch's index key).
    func references(withEmailIndex hmac: Data) throws -> [Reference]

    /// Records the answer: stores its sealed bytes, sets `answered_at` and the status, and deletes
    /// the record's draft.
    func markAnswered(_ reference: Reference, sealedAnswer: Data, at: Date) throws

    /// Keeps an answer that has not been sent (yet), sealed, replacing an earlier draft. Deleting
    /// the record or its address deletes the draft.
    func saveDraft(_ reference: Reference, sealedDraft: Data, at: Date) throws

    /// The sealed draft of a record's answer, if one was kept.
    func draft(of reference: Reference) throws -> Data?

    /// Sets or clears a legal hold (without re-sealing: `reseal` does both).
    func setHold(_ reference: Reference, hold: Hold?) throws

    /// Clears the hold of records whose hold was released after the database was backed up (the
    /// release list says so): their fields are sealed to hold keys that no longer exist.
    func clearHolds(withKeys keyIDs: Set<UInt32>) throws -> [Reference]

    /// Replaces a record's sealed fields, its draft and email index entry and sets or clears its
    /// hold, in one transaction: holding and releasing re-seal a record to other keys.
    func reseal(
        _ reference: Reference, sealedFields: [RecordField: Data], sealedDraft: Data?, emailIndex: EmailIndexEntry?, hold: Hold?
    ) throws

    /// Fields of `field` not held whose `event` time is at or before `cutoff`, oldest first, at
    /// most `limit`. Touches only fields still present, so its cost follows the expired count.
    func purgeCandidates(field: RecordField, event: CandidateEvent, cutoff: Date, limit: Int) throws -> [PurgeCandidate]

    /// Deletes the given fields (and, with email, the index entries and the draft) in one transaction, then the
    /// records left without fields. Returns the references of the records deleted whole.
    func deleteFields(_ fields: [(recordID: Int64, field: RecordField)]) throws -> [Reference]

    /// Deletes records with every field and index entry (erasure; suppression replay). Returns
    /// the references that were present.
    func erase(_ references: [Reference]) throws -> [Reference]

    /// Runs `body` in one write transaction on a hash-chained log: read its tail, check it, append
    /// or delete, all or nothing. `body` must not escape the transaction it is given.
    func writeChainedLog<T>(_ log: ChainedLogName, _ body: (any ChainedLogTransaction) throws -> T) throws -> T

    /// Every entry of a hash-chained log, oldest first (a read; verification compares it with the
    /// log's anchor).
    func entries(of log: ChainedLogName) throws -> [ChainedLogEntry]

    /// Throws unless a write could be made now (the health check): the file is writable and the
    /// write lock can be had.
    func checkWritable() throws

    /// Makes deleted data unrecoverable from the engine's files (SQLite: truncates the WAL).
    func reclaimDeletedData() throws
}
