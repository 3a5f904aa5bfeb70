// Legal holds: holding creates a key pair per field for this hold alone (sealed to the master key
// like an epoch's) and re-seals the record's fields and draft to it, so that the record's own epoch
// keys can still be destroyed on time while the record is kept. Releasing re-seals them to the
// current epoch, records the release in the key directory and destroys the hold's keys, so that
// backups taken during the hold become unreadable once the current epoch's keys go, and a restored
// database cannot bring the hold back. Both need the master key, and both are audited before any
// field is opened.
public import Foundation
public import InboxCrypto
import InboxPolicy
public import InboxStore

public struct LegalHold: Sendable {
    public let store: any RequestStore
    public let keys: KeyHierarchy
    public let master: MasterPrivateKey
    public let audit: AuditLog
    public let releases: ReleaseList
    public let register: HoldRegister

    public init(store: any RequestStore, keys: KeyHierarchy, master: MasterPrivateKey, audit: AuditLog) {
        self.store = store
        self.keys = keys
        self.master = master
        self.audit = audit
        self.releases = ReleaseList(keys: keys.keys)
        self.register = HoldRegister(keys: keys.keys)
    }

    public func hold(_ reference: Reference, reason: String, now: Date = Date()) async throws {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        if let hold = record.hold { throw CaseError("\(reference) is already held (\(hold.reason))") }
        try await audit.append(AuditLog.entry(action: .hold, reference: reference, purpose: .publicRecords, reason: reason, at: now))
        let keyID = try keys.keys.createHoldKeys()
        try register.record(holdKey: keyID, reference: reference, at: now)
        do {
            try await reseal(reference, to: keyID, hold: Hold(reason: reason, since: now, keyID: keyID))
        } catch {
            // Nothing is sealed to the new keys: they go again, and the register says so.
            try? releases.append(holdKey: keyID, reference: reference, at: now)
            try? keys.keys.destroyHoldKeys(keyID)
            throw error
        }
    }

    public func release(_ reference: Reference, now: Date = Date()) async throws {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        guard record.hold != nil else { throw CaseError("\(reference) is not held") }
        try await audit.append(AuditLog.entry(action: .release, reference: reference, purpose: .publicRecords, at: now))
        try keys.keys.createMissingEpochs(now: now)
        try await reseal(reference, to: try keys.keys.calendar().epoch(containing: now), hold: nil)
        // The keys the register names for this record, not the ones the database names. The
        // shared hold epoch 0 of older holds keeps other records' fields: it is never destroyed.
        guard let keyID = try register.activeHoldKey(of: reference, releases: releases) else { return }
        // Recorded before the keys go, so that a purge finishes a release cut short here.
        try releases.append(holdKey: keyID, reference: reference, at: now)
        try keys.keys.destroyHoldKeys(keyID)
    }

    /// Opens every field, the draft and the notes with the keys their headers name and seals them again to
    /// `target`'s key of that field; the address is indexed again under `target`'s index key.
    private func reseal(_ reference: Reference, to target: UInt32, hold: Hold?) async throws {
        var resealed: [RecordField: Data] = [:]
        var index: EmailIndexEntry? = nil
        for (field, bytes) in try await store.sealedFields(of: reference) {
            let plaintext = try keys.openField(bytes, reference: reference.text, field: field, master: master)
            resealed[field] = try keys.keys.publicKey(epoch: target, field: field).seal(plaintext, reference: reference.text).data
            if field == .email {
                let code = try EmailIndexNormalization.code(for: plaintext, key: keys.keys.indexKey(epoch: target))
                index = EmailIndexEntry(hmac: code, epoch: target)
            }
        }
        let draft = try await store.draft(of: reference).map { bytes in
            let plaintext = try keys.openField(bytes, reference: reference.text, field: .answer, master: master)
            return try keys.keys.publicKey(epoch: target, field: .answer).seal(plaintext, reference: reference.text).data
        }
        var notes: [Int64: Data] = [:]
        for note in try await store.notes(of: reference) {
            let plaintext = try keys.openField(note.sealed, reference: reference.text, field: .answer, master: master)
            notes[note.id] = try keys.keys.publicKey(epoch: target, field: .answer).seal(plaintext, reference: reference.text).data
        }
        try await store.reseal(reference, sealedFields: resealed, sealedDraft: draft, sealedNotes: notes, emailIndex: index, hold: hold)
    }
}
