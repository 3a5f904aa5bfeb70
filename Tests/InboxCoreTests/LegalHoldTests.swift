// Holds: a held record is re-sealed to the hold keys, survives the purge and the destruction of
// its own epoch keys, stays findable by address, and on release returns to the current epoch.
import Foundation
import InboxCore
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("legal holds")
struct LegalHoldTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026
    static let day = InboxFixture.day

    func legalHold(_ inbox: InboxFixture) throws -> (LegalHold, KeyHierarchy, MasterPrivateKey) {
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        return (LegalHold(store: inbox.store, keys: hierarchy, master: master), hierarchy, master)
    }

    func epochs(_ inbox: InboxFixture, _ reference: Reference) throws -> [RecordField: UInt32] {
        try inbox.store.sealedFields(of: reference).mapValues { try SealedField(bytes: $0).epoch }
    }

    @Test("a held record survives the purge and the destruction of its epoch keys, and is released to the current epoch")
    func holdAndRelease() throws {
        let inbox = try InboxFixture(created: t0)
        let held = try inbox.submit(at: t0, email: "anna@example.se", question: "Behåll mig")
        let (holds, hierarchy, master) = try legalHold(inbox)
        #expect(try epochs(inbox, held.reference) == [.email: 202601, .question: 202601])

        try holds.hold(held.reference, reason: "court order 12-34", now: t0 + Self.day)
        #expect(try epochs(inbox, held.reference) == [.email: 0, .question: 0])
        #expect(try inbox.store.record(held.reference)?.hold?.reason == "court order 12-34")

        // Far past every deadline: the epoch's keys are destroyed, the held record is kept whole.
        let later = t0 + 800 * Self.day
        let report = try inbox.purge.run(now: later)
        #expect(report.keysDestroyed.contains("202601/email"))
        #expect(try inbox.store.record(held.reference)?.fields == [.email, .question])
        #expect(
            try PersonLookup(keys: inbox.keys, store: inbox.store).references(forEmail: "Anna@Example.se", now: later) == [held.reference])

        let reader = CaseReader(
            policy: inbox.policy.policy, store: inbox.store, keys: hierarchy, master: master,
            audit: AuditLog(store: inbox.store, keyDirectory: inbox.keys.path))
        #expect(try reader.open(held.reference, purpose: "answering", now: later).question == "Behåll mig")

        try holds.release(held.reference, now: later)
        let current = try inbox.keys.calendar().epoch(containing: later)
        #expect(try epochs(inbox, held.reference) == [.email: current, .question: current])
        #expect(try inbox.store.record(held.reference)?.hold == nil)
        #expect(try reader.open(held.reference, purpose: "answering", now: later).email == "anna@example.se")
        // Released, its deadlines run from its events again: long past, so the next purge removes it.
        _ = try inbox.purge.run(now: later + 1)
        #expect(try inbox.store.record(held.reference) == nil)
        // The hold's own audit entry is older than the audit log's two years and went with the purge;
        // the record kept the hold itself, and the rest of the log still verifies.
        let audit = AuditLog(store: inbox.store, keyDirectory: inbox.keys.path)
        #expect(try audit.entries().map(\.entry.action) == ["open", "release", "open"])
        #expect(try audit.verify() == .intact(entries: 3))
    }

    @Test("holding twice or releasing what is not held is refused")
    func refused() throws {
        let inbox = try InboxFixture(created: t0)
        let record = try inbox.submit(at: t0)
        let (holds, _, _) = try legalHold(inbox)
        #expect(throws: CaseError.self) { try holds.release(record.reference, now: t0) }
        try holds.hold(record.reference, reason: "x", now: t0)
        #expect(throws: CaseError.self) { try holds.hold(record.reference, reason: "y", now: t0) }
    }
}
