// Answering, the use case: what is opened and audited, what is kept before anything is sent, what
// a failed send leaves, and that the answer is recorded only together with its audit entry. The
// relay is a MailSender that records what it was given (or refuses); the real SMTP path is driven
// end to end against aiosmtpd (Tests/EndToEnd/test_answer.py).
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxStore
import InboxTestSupport
import Synchronization
import Testing

@testable import InboxStore

/// A relay that takes every message and keeps what it was given, or refuses every one.
final class RecordingRelay: MailSender {
    struct Refused: Error {}

    let refuses: Bool
    let sent = Mutex<[(text: String, address: String, reference: Reference)]>([])

    init(refuses: Bool = false) { self.refuses = refuses }

    func sendAnswer(_ text: String, to address: String, reference: Reference) async throws -> String {
        if refuses { throw Refused() }
        sent.withLock { $0.append((text, address, reference)) }
        return "250 2.0.0 queued"
    }
}

@Suite("answering")
struct AnsweringTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    func answering(_ inbox: InboxFixture) throws -> (Answering, KeyHierarchy, MasterPrivateKey) {
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        return (
            Answering(
                reader: CaseReader(policy: inbox.policy.policy, store: inbox.store, keys: hierarchy, master: master, audit: inbox.audit)),
            hierarchy,
            master
        )
    }

    @Test("opening audits the opening, and refuses a record answered already or without an address before opening anything")
    func open() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let anonymous = try await inbox.submit(at: t0, email: nil)
        let (answering, _, _) = try answering(inbox)
        let question = try await answering.open(record.reference, now: t0)
        #expect(question.address == "anna@example.se")
        #expect(question.opened.question == "Hur söker jag bygglov?")
        #expect(question.draft == nil)
        let refused = await #expect(throws: CaseError.self) { try await answering.open(anonymous.reference, now: t0) }
        #expect(refused?.description.contains("has no email address") == true)
        // Opening to answer claims the case first, in the answerer's name.
        #expect(try await inbox.audit.entries().map(\.entry.action) == [.claim, .open])
        _ = try await answering.send("Svar.", for: question, through: RecordingRelay(), now: t0)
        await #expect(throws: CaseError.self) { try await answering.open(record.reference, now: t0) }
        #expect(try await inbox.audit.entries().map(\.entry.action) == [.claim, .open, .answer])
    }

    @Test("a draft is sealed to the answer key of the month it was written in, opens again, and leaves the record open")
    func draft() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (answering, _, _) = try answering(inbox)
        try await answering.saveDraft("Hej,\nsvar på väg.", for: record.reference, now: t0 + 40 * InboxFixture.day)
        let stored = try #require(try await inbox.store.draft(of: record.reference))
        #expect(try SealedField(bytes: stored).epoch == 202602)
        #expect(!stored.contains(Data("svar på väg".utf8)))
        #expect(try await answering.open(record.reference, now: t0).draft == "Hej,\nsvar på väg.")
        #expect(try await inbox.store.record(record.reference)?.status == .open)
    }

    @Test("a sent answer is stored sealed, the record answered at that moment, the draft gone, and the audit says so")
    func sent() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (answering, hierarchy, master) = try answering(inbox)
        let relay = RecordingRelay()
        let answeredAt = t0 + 2 * InboxFixture.day
        let question = try await answering.open(record.reference, now: t0)
        let sent = try await answering.send("Svaret.", for: question, through: relay, now: answeredAt)
        #expect(sent.relayReply == "250 2.0.0 queued")
        #expect(sent.addressDeletedBy == answeredAt + 30 * InboxFixture.day)
        #expect(
            relay.sent.withLock { $0.map { [$0.text, $0.address, $0.reference.text] } } == [
                ["Svaret.", "anna@example.se", record.reference.text]
            ])
        let stored = try #require(try await inbox.store.record(record.reference))
        #expect(stored.status == .answered && stored.answeredAt == answeredAt)
        #expect(try await inbox.store.draft(of: record.reference) == nil)
        let sealed = try SealedField(bytes: try #require(try await inbox.store.sealedFields(of: record.reference)[.answer]))
        let opened = try hierarchy.openEpochKey(epoch: sealed.epoch, field: .answer, master: master).open(
            sealed, reference: record.reference.text, field: .answer)
        #expect(opened.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == "Svaret.")
        #expect(try await inbox.audit.entries().map(\.entry.action) == [.claim, .open, .answer])
        #expect(try await inbox.audit.verify() == .intact(entries: 3))
    }

    @Test("a send the relay refuses keeps the draft, marks nothing answered, and is audited")
    func refused() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (answering, _, _) = try answering(inbox)
        let question = try await answering.open(record.reference, now: t0)
        await #expect(throws: AnswerNotSent.self) {
            try await answering.send("Svaret.", for: question, through: RecordingRelay(refuses: true), now: t0)
        }
        #expect(try await inbox.store.record(record.reference)?.status == .open)
        #expect(try await answering.open(record.reference, now: t0).draft == "Svaret.")
        #expect(try await inbox.audit.entries().map(\.entry.action) == [.claim, .open, .answerFailed, .open])
        await #expect(throws: CaseError.self) { try await answering.send(" \n", for: question, through: RecordingRelay(), now: t0) }
    }

    @Test(
        "an answer the relay took but that cannot be recorded with its audit entry (a tampered log) is reported as sent, and not recorded")
    func answerAndAuditInOneTransaction() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (answering, _, _) = try answering(inbox)
        let question = try await answering.open(record.reference, now: t0)
        // An entry added with the database's write access alone: the log no longer ends at its anchor.
        try await inbox.store.pool.write { db in
            try db.execute(
                sql: "INSERT INTO audit_log (body, previous_hash, hash) VALUES (?, ?, ?)",
                arguments: [Data("{}".utf8), Data(count: 32), Data(count: 32)])
        }
        let relay = RecordingRelay()
        let failure = await #expect(throws: AnswerSentNotRecorded.self) {
            try await answering.send("Svaret.", for: question, through: relay, now: t0)
        }
        #expect(failure?.cause is AnchoredLogError)
        #expect(failure?.description.contains("Do not send it again") == true)
        #expect(relay.sent.withLock { $0.count } == 1)
        let stored = try #require(try await inbox.store.record(record.reference))
        #expect(stored.status == .open && stored.answeredAt == nil)
        #expect(try await inbox.store.sealedFields(of: record.reference)[.answer] == nil)
        #expect(try await inbox.store.draft(of: record.reference) != nil)
    }

    @Test(
        "two colleagues at once: the second is stopped at the claim; after a take-over only the new claimant's answer leaves")
    func colleaguesAtOnce() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (answering, hierarchy, master) = try answering(inbox)
        let anna = Answering(reader: answering.reader, identity: StaffIdentity(uid: 1001, user: "anna", sudo: nil))
        let bo = Answering(reader: answering.reader, identity: StaffIdentity(uid: 1002, user: "bo", sudo: nil))
        let annasQuestion = try await anna.open(record.reference, now: t0)
        let stopped = await #expect(throws: CaseClaimedByOther.self) { try await bo.open(record.reference, now: t0) }
        #expect(stopped?.claimant == "anna")
        let bosQuestion = try await bo.open(record.reference, takeOverReason: "Anna is ill", now: t0 + 30)
        // Anna's editor was still open: her answer must not reach the citizen, nor replace Bo's draft.
        try await bo.saveDraft("Bos utkast.", for: record.reference, now: t0 + 40)
        let annasRelay = RecordingRelay()
        let refused = await #expect(throws: CaseClaimedByOther.self) {
            try await anna.send("Annas svar.", for: annasQuestion, through: annasRelay, now: t0 + 60)
        }
        #expect(refused?.claimant == "bo")
        #expect(annasRelay.sent.withLock { $0.isEmpty })
        #expect(try await bo.open(record.reference, now: t0 + 90).draft == "Bos utkast.")
        _ = try await bo.send("Bos svar.", for: bosQuestion, through: RecordingRelay(), now: t0 + 120)
        let stored = try #require(try await inbox.store.record(record.reference))
        #expect(stored.answeredAt == t0 + 120 && stored.claim?.claimant == "bo")
        let sealed = try SealedField(bytes: try #require(try await inbox.store.sealedFields(of: record.reference)[.answer]))
        let opened = try hierarchy.openEpochKey(epoch: sealed.epoch, field: .answer, master: master).open(
            sealed, reference: record.reference.text, field: .answer)
        #expect(opened.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == "Bos svar.")
        let entries = try await inbox.audit.entries().map(\.entry)
        #expect(entries.map(\.action) == [.claim, .open, .takeOver, .open, .open, .answer])
        // (The openings name this process's account: one person per process, as in production.)
        #expect([entries[0].user, entries[2].user] == ["anna", "bo"])
        #expect(entries[2].tookOverFrom == "anna" && entries[2].reason == "Anna is ill")
    }

    @Test("while a record is held, its draft and answer are sealed to its hold's keys, like its other fields")
    func held() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        let (answering, hierarchy, master) = try answering(inbox)
        try await LegalHold(store: inbox.store, keys: hierarchy, master: master, audit: inbox.audit).hold(
            record.reference, reason: "case 12-34", now: t0)
        let holdKey = try #require(try await inbox.store.record(record.reference)?.hold?.keyID)
        #expect(SealedField.isHoldKey(holdKey))
        try await answering.saveDraft("utkast", for: record.reference, now: t0)
        #expect(try SealedField(bytes: try #require(try await inbox.store.draft(of: record.reference))).epoch == holdKey)
        let sent = try await answering.send(
            "svar", for: try await answering.open(record.reference, now: t0), through: RecordingRelay(), now: t0)
        #expect(sent.addressDeletedBy == nil)
        let answer = try #require(try await inbox.store.sealedFields(of: record.reference)[.answer])
        #expect(try SealedField(bytes: answer).epoch == holdKey)
    }
}
