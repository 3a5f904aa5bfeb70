// What `inbox answer` keeps: the draft and the answer, sealed to the answer key of the current
// epoch (the hold key while the record is held), and the record answered only by recordSent.
import Foundation
import InboxCore
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("answer drafts and answers")
struct AnswerRecorderTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    func recorder(_ inbox: InboxFixture) throws -> (AnswerRecorder, KeyHierarchy, MasterPrivateKey) {
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        return (AnswerRecorder(store: inbox.store, keys: hierarchy, master: master), hierarchy, master)
    }

    @Test("a draft is sealed to the answer key of the month it was written in, opens again, and leaves the record open")
    func draft() throws {
        let inbox = try InboxFixture(created: t0)
        let record = try inbox.submit(at: t0)
        let (recorder, _, _) = try recorder(inbox)
        #expect(try recorder.draft(of: record.reference) == nil)
        try recorder.saveDraft("Hej,\nsvar på väg.", for: record.reference, now: t0 + 40 * InboxFixture.day)
        let sealed = try SealedField(bytes: try #require(try inbox.store.draft(of: record.reference)))
        #expect(sealed.epoch == 202602)
        #expect(try recorder.draft(of: record.reference) == "Hej,\nsvar på väg.")
        #expect(try inbox.store.record(record.reference)?.status == .open)
        #expect(!(try inbox.store.draft(of: record.reference)!.contains(Data("svar på väg".utf8))))
    }

    @Test("the sent answer is stored sealed, the record answered at that moment, the draft gone, and the audit says so")
    func sent() throws {
        let inbox = try InboxFixture(created: t0)
        let record = try inbox.submit(at: t0)
        let (recorder, hierarchy, master) = try recorder(inbox)
        try recorder.saveDraft("utkast", for: record.reference, now: t0)
        let answeredAt = t0 + 2 * InboxFixture.day
        try recorder.recordSent("Svaret.", for: record.reference, now: answeredAt)
        let stored = try #require(try inbox.store.record(record.reference))
        #expect(stored.status == .answered && stored.answeredAt == answeredAt)
        #expect(try inbox.store.draft(of: record.reference) == nil)
        let sealed = try SealedField(bytes: try #require(try inbox.store.sealedFields(of: record.reference)[.answer]))
        let opened = try hierarchy.openEpochKey(epoch: sealed.epoch, field: .answer, master: master).open(
            sealed, reference: record.reference.text, field: .answer)
        #expect(opened.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == "Svaret.")
        let log = AuditLog(store: inbox.store, keys: inbox.keys)
        #expect(try log.entries().map(\.entry.action) == [.answer])
        try recorder.recordFailure(for: record.reference, now: answeredAt)
        #expect(try log.entries().map(\.entry.action) == [.answer, .answerFailed])
    }

    @Test("while a record is held, its draft and answer are sealed to its hold's keys, like its other fields")
    func held() throws {
        let inbox = try InboxFixture(created: t0)
        let record = try inbox.submit(at: t0)
        let (recorder, hierarchy, master) = try recorder(inbox)
        try LegalHold(store: inbox.store, keys: hierarchy, master: master).hold(record.reference, reason: "case 12-34", now: t0)
        let holdKey = try #require(try inbox.store.record(record.reference)?.hold?.keyID)
        #expect(SealedField.isHoldKey(holdKey))
        try recorder.saveDraft("utkast", for: record.reference, now: t0)
        #expect(try SealedField(bytes: try #require(try inbox.store.draft(of: record.reference))).epoch == holdKey)
        try recorder.recordSent("svar", for: record.reference, now: t0)
        let answer = try #require(try inbox.store.sealedFields(of: record.reference)[.answer])
        #expect(try SealedField(bytes: answer).epoch == holdKey)
    }
}
