// Opens a record's sealed fields for a purpose: the policy must list that purpose for every field
// opened (a refusal is audited too), the master key opens each field's epoch key once, and every
// opening is written to the audit log before anything is shown.
public import Foundation
public import InboxCrypto
public import InboxPolicy
public import InboxStore

public struct CaseReader: Sendable {
    public let policy: Policy
    public let store: any CaseStore
    public let keys: KeyHierarchy
    public let master: MasterPrivateKey
    public let audit: AuditLog

    public init(policy: Policy, store: any CaseStore, keys: KeyHierarchy, master: MasterPrivateKey, audit: AuditLog) {
        self.policy = policy
        self.store = store
        self.keys = keys
        self.master = master
        self.audit = audit
    }

    /// Opens every field the record still has. With `revealReason`, the full address is shown and
    /// the reveal is audited with the reason.
    public func open(
        _ reference: Reference, purpose: ProcessingPurpose, action: AuditAction = .open, revealReason: String? = nil, now: Date = Date()
    ) async throws -> OpenedCase {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        let sealed = try await store.sealedFields(of: reference)
        let notes = try await store.notes(of: reference)
        // Notes and interim replies are sealed, and kept, like the answer.
        let opening = Set(sealed.keys).union(notes.isEmpty ? [] : [.answer])
        for field in opening.sorted(by: { $0.rawValue < $1.rawValue }) {
            do {
                try policy.checkOpening(PolicyField(field), for: purpose)
            } catch {
                try await audit.append(AuditLog.entry(action: .refusedPurpose, reference: reference, purpose: purpose, at: now))
                throw CaseError("\(error)")
            }
        }
        try await audit.append(AuditLog.entry(action: action, reference: reference, purpose: purpose, at: now))
        if sealed[.email] != nil, let revealReason {
            try await audit.append(
                AuditLog.entry(action: .revealEmail, reference: reference, purpose: purpose, reason: revealReason, at: now))
        }
        var texts: [RecordField: String] = [:]
        for (name, bytes) in sealed {
            texts[name] = try keys.openField(bytes, reference: reference.text, field: name, master: master).utf8String
        }
        let openedNotes = try notes.map { note in
            OpenedCase.Note(
                kind: note.kind, author: note.author, writtenAt: note.writtenAt,
                text: try keys.openField(note.sealed, reference: reference.text, field: .answer, master: master).utf8String)
        }
        return OpenedCase(record: record, question: texts[.question], answer: texts[.answer], email: texts[.email], notes: openedNotes)
    }
}

public struct CaseError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
