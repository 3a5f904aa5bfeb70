// What `inbox answer` keeps: the draft, sealed before anything is sent (so a failed send can be
// retried without retyping), and, once the relay has taken the message, the answer itself, sealed,
// with `answered_at` set so that the policy's "after answered" clock starts. Both are sealed to
// the record's answer key of the current epoch, or to its hold's keys while the record is held, so
// that a hold keeps covering every field of the record.
public import Foundation
public import InboxCrypto
import InboxPolicy
public import InboxStore

public struct AnswerRecorder {
    public let store: any InboxStore
    public let keys: KeyHierarchy
    public let master: MasterPrivateKey
    public let audit: AuditLog

    public init(store: any InboxStore, keys: KeyHierarchy, master: MasterPrivateKey) {
        self.store = store
        self.keys = keys
        self.master = master
        self.audit = AuditLog(store: store, keys: keys.keys)
    }

    /// The kept draft of the record's answer, opened; nil when there is none.
    public func draft(of reference: Reference) throws -> String? {
        guard let bytes = try store.draft(of: reference) else { return nil }
        return try keys.openField(bytes, reference: reference.text, field: .answer, master: master).utf8String
    }

    /// Seals and keeps `text` as the record's draft, replacing an earlier one.
    public func saveDraft(_ text: String, for reference: Reference, now: Date = Date()) throws {
        try store.saveDraft(reference, sealedDraft: try seal(text, for: reference, now: now), at: now)
    }

    /// The relay accepted the answer: it is stored sealed, the record is answered (the draft goes),
    /// and the audit log says so.
    public func recordSent(_ text: String, for reference: Reference, now: Date = Date()) throws {
        try store.markAnswered(reference, sealedAnswer: try seal(text, for: reference, now: now), at: now)
        try audit.append(AuditLog.entry(action: .answer, reference: reference, purpose: .answering, at: now))
    }

    /// The answer could not be sent: the address was used, so the attempt is audited too.
    public func recordFailure(for reference: Reference, now: Date = Date()) throws {
        try audit.append(AuditLog.entry(action: .answerFailed, reference: reference, purpose: .answering, at: now))
    }

    private func seal(_ text: String, for reference: Reference, now: Date) throws -> Data {
        guard let record = try store.record(reference) else { throw CaseError("no record \(reference)") }
        let epoch: UInt32
        if record.hold != nil {
            // Held: to the hold's own keys (as the register in the key directory names them), so
            // that the hold keeps covering every field.
            epoch =
                try HoldRegister(keys: keys.keys).activeHoldKey(of: reference, releases: ReleaseList(keys: keys.keys))
                ?? SealedField.legacyHoldEpoch
        } else {
            try keys.keys.createMissingEpochs(now: now)
            epoch = try keys.keys.calendar().epoch(containing: now)
        }
        return try keys.keys.publicKey(epoch: epoch, field: .answer).seal(Array(text.utf8), reference: reference.text).data
    }
}
