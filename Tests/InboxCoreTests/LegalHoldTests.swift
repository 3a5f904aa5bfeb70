// Holds: a held record is re-sealed to keys of its own hold, survives the purge and the
// destruction of its epoch keys, stays findable by address, and on release returns to the current
// epoch while the hold's keys are destroyed, so that a backup taken during the hold becomes
// unreadable; a restored database cannot bring the hold back.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("legal holds")
struct LegalHoldTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026
    static let day = InboxFixture.day

    func legalHold(_ inbox: InboxFixture) throws -> (LegalHold, KeyHierarchy, MasterPrivateKey) {
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        return (LegalHold(store: inbox.store, keys: hierarchy, master: master, audit: inbox.audit), hierarchy, master)
    }

    func epochs(_ inbox: InboxFixture, _ reference: Reference) async throws -> [RecordField: UInt32] {
        try await inbox.store.sealedFields(of: reference).mapValues { try SealedField(bytes: $0).epoch }
    }

    @Test("a held record survives the purge and the destruction of its epoch keys, and is released to the current epoch")
    func holdAndRelease() async throws {
        let inbox = try InboxFixture(created: t0)
        let held = try await inbox.submit(at: t0, email: "anna@example.se", question: "Behåll mig")
        let (holds, hierarchy, master) = try legalHold(inbox)
        #expect(try await epochs(inbox, held.reference) == [.email: 202601, .question: 202601])

        try await holds.hold(held.reference, reason: "court order 12-34", now: t0 + Self.day)
        let holdKey = try #require(try await inbox.store.record(held.reference)?.hold?.keyID)
        #expect(SealedField.holdKeyIDs.contains(holdKey))
        #expect(try await epochs(inbox, held.reference) == [.email: holdKey, .question: holdKey])
        #expect(try await inbox.store.record(held.reference)?.hold?.reason == "court order 12-34")

        // Far past every deadline: the epoch's keys are destroyed, the held record is kept whole.
        let later = t0 + 800 * Self.day
        let report = try await inbox.purge.run(now: later, confirmedClock: true)
        #expect(report.keysDestroyed.contains("202601/email"))
        #expect(try await inbox.store.record(held.reference)?.fields == [.email, .question])
        await #expect(
            try PersonLookup(keys: inbox.keys, store: inbox.store).references(forEmail: "Anna@Example.se", now: later) == [held.reference])

        let reader = CaseReader(
            policy: inbox.policy.policy, store: inbox.store, keys: hierarchy, master: master,
            audit: AuditLog(store: inbox.store, keys: inbox.keys))
        #expect(try await reader.open(held.reference, purpose: .answering, now: later).question == "Behåll mig")

        try await holds.release(held.reference, now: later)
        let current = try inbox.keys.calendar().epoch(containing: later)
        #expect(try await epochs(inbox, held.reference) == [.email: current, .question: current])
        #expect(try await inbox.store.record(held.reference)?.hold == nil)
        #expect(try await reader.open(held.reference, purpose: .answering, now: later).email == "anna@example.se")
        // The hold's keys are gone with the release, and the release is recorded.
        #expect(try inbox.keys.list(now: later).filter { $0.epoch == holdKey }.allSatisfy { $0.state == .destroyed })
        #expect(try ReleaseList(keys: inbox.keys).entries().map(\.holdKey) == [holdKey])
        // Released, its deadlines run from its events again: long past, so the next purge removes it.
        _ = try await inbox.purge.run(now: later + 1)
        #expect(try await inbox.store.record(held.reference) == nil)
        // The hold's own audit entry is older than the audit log's two years and went with the purge;
        // the record kept the hold itself, and the rest of the log still verifies.
        let audit = AuditLog(store: inbox.store, keys: inbox.keys)
        #expect(try await audit.entries().map(\.entry.action) == [.open, .release, .open])
        #expect(try await audit.verify() == .intact(entries: 3))
    }

    @Test("a backup taken during a hold is unreadable once the hold is released and the current epoch's keys are gone")
    func backupDuringHold() async throws {
        let inbox = try InboxFixture(created: t0)
        let held = try await inbox.submit(at: t0, email: "anna@example.se", question: "Bevaras i backup?")
        let (holds, hierarchy, master) = try legalHold(inbox)
        try await holds.hold(held.reference, reason: "court order 12-34", now: t0 + Self.day)
        let backup = try await inbox.store.sealedFields(of: held.reference)
        // The backup opens while the hold lasts.
        #expect(
            try hierarchy.openField(try #require(backup[.question]), reference: held.reference.text, field: .question, master: master)
                .utf8String == "Bevaras i backup?")

        let release = t0 + 40 * Self.day
        try await holds.release(held.reference, now: release)
        // Three years of purges later, every key the record was ever sealed to is gone: the hold's at
        // its release, the epochs' at their end plus the hard maximum.
        var now = release
        for _ in 0..<40 {
            now += 30 * Self.day
            _ = try await inbox.purge.run(now: now, confirmedClock: true)
        }
        for (field, bytes) in backup {
            #expect(throws: CryptoError.self) {
                try hierarchy.openField(bytes, reference: held.reference.text, field: field, master: master)
            }
        }
        #expect(try await inbox.store.record(held.reference) == nil)
    }

    @Test("a restored database does not bring a released hold back: the purge releases it again")
    func restoredHold() async throws {
        let inbox = try InboxFixture(created: t0)
        let held = try await inbox.submit(at: t0)
        let (holds, _, _) = try legalHold(inbox)
        try await holds.hold(held.reference, reason: "court order 12-34", now: t0 + Self.day)
        let backup = try inbox.copyDatabase()
        try await holds.release(held.reference, now: t0 + 2 * Self.day)

        try inbox.restoreDatabase(from: backup)
        #expect(try await inbox.store.record(held.reference)?.hold != nil)
        try await inbox.acceptRestoredLogs()
        let report = try await inbox.purge.run(now: t0 + 3 * Self.day)
        #expect(report.holdsReapplied == [held.reference.text])
        #expect(try await inbox.store.record(held.reference)?.hold == nil)
        // Its deadlines apply again: 91 days on, its address goes like any other's.
        _ = try await inbox.purge.run(now: t0 + 91 * Self.day, confirmedClock: true)
        #expect(try await inbox.store.record(held.reference)?.fields == [.question])
    }

    @Test("a draft kept before the hold is re-sealed to the hold and back")
    func draftFollowsHold() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (holds, hierarchy, master) = try legalHold(inbox)
        let answering = Answering(
            reader: CaseReader(policy: inbox.policy.policy, store: inbox.store, keys: hierarchy, master: master, audit: inbox.audit))
        try await answering.saveDraft("utkast", for: record.reference, now: t0)
        try await holds.hold(record.reference, reason: "x", now: t0 + Self.day)
        let holdKey = try #require(try await inbox.store.record(record.reference)?.hold?.keyID)
        #expect(try await SealedField(bytes: try #require(try inbox.store.draft(of: record.reference))).epoch == holdKey)
        try await holds.release(record.reference, now: t0 + 40 * Self.day)
        #expect(try await SealedField(bytes: try #require(try inbox.store.draft(of: record.reference))).epoch == 202602)
        #expect(try await answering.open(record.reference, now: t0 + 40 * Self.day).draft == "utkast")
    }

    /// Found by review: release destroyed whatever hold keys the database named for the record, so
    /// pointing one record at another's hold destroyed that other hold's keys.
    @Test("release destroys the keys the key directory's register names, whatever the database says")
    func releaseTrustsTheRegister() async throws {
        let inbox = try InboxFixture(created: t0)
        let first = try await inbox.submit(at: t0, question: "Första")
        let second = try await inbox.submit(at: t0, question: "Andra")
        let (holds, hierarchy, master) = try legalHold(inbox)
        try await holds.hold(first.reference, reason: "case 1", now: t0)
        try await holds.hold(second.reference, reason: "case 2", now: t0)
        let firstKey = try #require(try await inbox.store.record(first.reference)?.hold?.keyID)
        let secondKey = try #require(try await inbox.store.record(second.reference)?.hold?.keyID)
        // Someone with the database's write access points the first record at the second's hold.
        try await inbox.store.pool.write { db in
            try db.execute(sql: "UPDATE records SET hold_key = ? WHERE reference = ?", arguments: [Int64(secondKey), first.reference.text])
        }
        try await holds.release(first.reference, now: t0 + Self.day)
        #expect(try inbox.keys.list(now: t0).filter { $0.epoch == secondKey }.allSatisfy { $0.state == .hold })
        #expect(try inbox.keys.list(now: t0).filter { $0.epoch == firstKey }.allSatisfy { $0.state == .destroyed })
        let reader = CaseReader(
            policy: inbox.policy.policy, store: inbox.store, keys: hierarchy, master: master,
            audit: AuditLog(store: inbox.store, keys: inbox.keys))
        #expect(try await reader.open(second.reference, purpose: .answering, now: t0 + Self.day).question == "Andra")
    }

    @Test("holding twice or releasing what is not held is refused")
    func refused() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (holds, _, _) = try legalHold(inbox)
        await #expect(throws: CaseError.self) { try await holds.release(record.reference, now: t0) }
        try await holds.hold(record.reference, reason: "x", now: t0)
        await #expect(throws: CaseError.self) { try await holds.hold(record.reference, reason: "y", now: t0) }
    }
}
