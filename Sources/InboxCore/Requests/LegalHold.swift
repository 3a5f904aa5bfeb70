// Legal holds (DESIGN.md "Holds"): holding re-seals a record's fields to the hold keys (epoch 0),
// so that the record's own epoch keys can still be destroyed on time while the record is kept;
// releasing re-seals them to the current epoch, and the deadlines resume from the record's events.
// Both need the master key, and both are audited.
public import Foundation
public import InboxCrypto
import InboxPolicy
public import InboxStore

public struct LegalHold {
    public let store: any InboxStore
    public let keys: KeyHierarchy
    public let master: MasterPrivateKey
    public let audit: AuditLog

    public init(store: any InboxStore, keys: KeyHierarchy, master: MasterPrivateKey) {
        self.store = store
        self.keys = keys
        self.master = master
        self.audit = AuditLog(store: store, keyDirectory: keys.keys.path)
    }

    public func hold(_ reference: Reference, reason: String, now: Date = Date()) throws {
        guard let record = try store.record(reference) else { throw CaseError("no record \(reference)") }
        guard record.hold == nil else { throw CaseError("\(reference) is already held (\(record.hold!.reason))") }
        try reseal(reference, to: SealedField.holdEpoch, hold: Hold(reason: reason, since: now))
        try audit.append(AuditLog.entry(action: "hold", reference: reference, purpose: "public_records", reason: reason, at: now))
    }

    public func release(_ reference: Reference, now: Date = Date()) throws {
        guard let record = try store.record(reference) else { throw CaseError("no record \(reference)") }
        guard record.hold != nil else { throw CaseError("\(reference) is not held") }
        try keys.keys.createMissingEpochs(now: now)
        try reseal(reference, to: try keys.keys.calendar().epoch(containing: now), hold: nil)
        try audit.append(AuditLog.entry(action: "release", reference: reference, purpose: "public_records", at: now))
    }

    /// Opens every field with its current key and seals it again to `epoch`'s key of that field;
    /// the address is indexed again under `epoch`'s index key.
    private func reseal(_ reference: Reference, to epoch: UInt32, hold: Hold?) throws {
        var resealed: [RecordField: Data] = [:]
        var index: EmailIndexEntry? = nil
        for (field, bytes) in try store.sealedFields(of: reference) {
            let plaintext = try keys.openField(bytes, reference: reference.text, field: field, master: master)
            resealed[field] = try keys.keys.publicKey(epoch: epoch, field: field).seal(plaintext, reference: reference.text).data
            if field == .email {
                let code = try EmailIndexNormalization.code(for: plaintext.utf8String, key: keys.keys.indexKey(epoch: epoch))
                index = EmailIndexEntry(hmac: code, epoch: epoch)
            }
        }
        try store.reseal(reference, sealedFields: resealed, emailIndex: index, hold: hold)
    }
}
