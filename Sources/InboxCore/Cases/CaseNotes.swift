// Notes on a case, never sent: a working note (minnesanteckning) for the team while the case is
// open, deleted when it ends, or an official note (tjänsteanteckning), part of the case file and
// kept like the answer. Both are sealed like the answer (public keys only: writing one needs no
// passphrase), so the intake server cannot read them and a hold covers them; writing one is
// audited, and reading one is an opening like any other.
public import Foundation
import InboxPolicy
public import InboxStore

public struct CaseNotes: Sendable {
    public let sealer: AnswerSealer
    public let audit: AuditLog
    public let identity: StaffIdentity

    public init(sealer: AnswerSealer, audit: AuditLog, identity: StaffIdentity = .current) {
        self.sealer = sealer
        self.audit = audit
        self.identity = identity
    }

    /// Notes longer than this are refused: a note is a note, the case file is elsewhere.
    public static let maximumBytes = 64 * 1024

    public func add(_ text: String, kind: CaseNoteKind, to reference: Reference, now: Date = Date()) async throws {
        guard kind != .interim else { throw CaseError("an interim reply is sent to the citizen: `inbox answer REF --interim`") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CaseError("the note is empty; nothing was kept") }
        guard text.utf8.count <= Self.maximumBytes else { throw CaseError("the note is longer than 64 KiB; nothing was kept") }
        let store = sealer.store
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        if kind == .working, record.hasEnded {
            throw CaseError("\(reference) is \(record.status.rawValue); working notes end with the case, so only --official can be added")
        }
        let sealed = try await sealer.seal(text, for: reference, now: now)
        let entry = AuditLog.entry(
            action: .note, reference: reference, purpose: .answering, reason: kind.rawValue, at: now, identity: identity)
        try await audit.append(entry) { append in
            try await store.addNote(
                reference, kind: kind, author: identity.person, sealed: sealed.bytes, at: now, claimedBy: nil, heldWith: sealed.holdKey,
                audit: append)
        }
    }
}
