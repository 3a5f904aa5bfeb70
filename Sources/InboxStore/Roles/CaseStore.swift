// What staff read and answer with: records, their sealed fields, drafts, notes, claims, and every
// change a staff member makes to a case, each recorded together with its audit entry in one
// transaction whose checks make two people at once come out as one after the other.
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
    /// the record or its address deletes the draft. The case must be open and, with `claimant`,
    /// claimed by that person or by nobody: a colleague who took the case over keeps their draft.
    func saveDraft(_ reference: Reference, sealedDraft: Data, at: Date, by claimant: String?) async throws

    /// Throws unless the case is still open and claimed by `claimant` (or by nobody): asked right
    /// before a message leaves for the citizen, so that a colleague who took the case over or
    /// ended it while the editor was open is not written to the citizen over.
    func confirmClaim(_ reference: Reference, by claimant: String) async throws

    /// Records the answer in one transaction with `audit`: stores its sealed bytes, sets
    /// `answered_at` and the status, deletes the record's draft, and appends the audit entry. Either
    /// both are kept or neither. `heldWith` is the hold key the answer was sealed to (nil: sealed
    /// for a record not held; a hold without a key of its own counts as key 0): a record answered,
    /// held or released since is refused with `StoreError.conflict`, so that a first answer is
    /// never replaced and a hold always covers every field.
    ///
    /// The case must be open and claimed by `claimant` (`StoreError.claimedByOther` otherwise: a
    /// colleague took it over meanwhile). The record's working notes are deleted with it.
    func markAnswered(
        _ reference: Reference, sealedAnswer: Data, by claimant: String, at: Date, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries

    /// Moves the case's claim from `expected` to `claimant` (nil: nobody) with `audit`, if the claim
    /// is still `expected` when the transaction runs; otherwise `StoreError.claimedByOther` names
    /// who holds it now. Of two people claiming at once exactly one wins. Claiming an answered or
    /// closed case is refused with `StoreError.conflict`.
    func changeClaim(
        _ reference: Reference, from expected: String?, to claimant: String?, at: Date, audit: ChainedAppend
    ) async throws -> AppendedEntries

    /// Ends an open case claimed by `claimant` without an answer, with `audit`: sets the status and
    /// the close time (copied to every field, for retention rules counting from it), keeps the
    /// message sent to the citizen, if any, sealed as the answer, and deletes the draft and the
    /// working notes. `heldWith` as for `markAnswered`.
    func markClosed(
        _ reference: Reference, closure: CaseClosure, sealedMessage: Data?, by claimant: String, heldWith: UInt32?,
        audit: ChainedAppend
    ) async throws -> AppendedEntries

    /// Adds a note or an interim reply, sealed like the answer, with `audit`. Working notes and
    /// interim replies need an open case; `claimedBy`, when given, must hold the claim (an interim
    /// reply is written to the citizen, so only by the person answering). `heldWith` as for
    /// `markAnswered`. Returns the note's id with the audit entries.
    func addNote(
        _ reference: Reference, kind: CaseNoteKind, author: String, sealed: Data, at: Date, claimedBy: String?, heldWith: UInt32?,
        audit: ChainedAppend
    ) async throws -> AppendedEntries

    /// Moves an open case to spam (`spam: true`), or a spam case back to the open queue (`spam:
    /// false`), with `audit`. A case claimed by someone other than `by` is refused
    /// (`StoreError.claimedByOther`); the claim, the draft and the working notes end with a case that
    /// becomes spam. The spam rule of the policy counts from `at`; moving back stops the count.
    func markSpam(_ reference: Reference, spam: Bool, by person: String, at: Date, audit: ChainedAppend) async throws -> AppendedEntries

    /// The record's notes and interim replies, oldest first.
    func notes(of reference: Reference) async throws -> [CaseNote]

    /// Makes deleted data unrecoverable from the engine's files (SQLite: truncates the WAL), after a
    /// case's end deleted its working notes and draft.
    func reclaimDeletedData() async throws
}

extension CaseStore {
    /// A draft saved with no claim to check (tests, and tools that hold no claim).
    public func saveDraft(_ reference: Reference, sealedDraft: Data, at date: Date) async throws {
        try await saveDraft(reference, sealedDraft: sealedDraft, at: date, by: nil)
    }
}
