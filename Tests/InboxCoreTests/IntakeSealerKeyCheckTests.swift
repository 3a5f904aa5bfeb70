// The intake's check before every seal that the epoch's key is whole, made with one stat of the
// epoch's directory while nothing in it changes: a key file removed afterwards is noticed at the
// very next seal, however long the directory had been unchanged before.
import Foundation
import InboxCore
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("the intake's key check")
struct IntakeSealerKeyCheckTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    @Test("a key file removed from a long-unchanged epoch directory stops the very next seal")
    func removalNoticed() async throws {
        let inbox = try InboxFixture(created: t0)
        let directory = "\(inbox.keys.path)/epochs/202601"
        let question = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix("question") })
        // The directory last changed an hour ago: the check trusts its stamp after one full look.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: directory)
        let sealer = try IntakeSealer(keys: inbox.keys)
        let valid = try SubmissionValidator.validate(question: "En fråga", email: "anna@example.se").get()
        _ = try sealer.seal(valid, reference: try Reference.random(), receivedAt: t0)
        _ = try sealer.seal(valid, reference: try Reference.random(), receivedAt: t0)
        try FileManager.default.removeItem(atPath: "\(directory)/\(question)")
        #expect(throws: IntakeUnavailable.self) { try sealer.seal(valid, reference: try Reference.random(), receivedAt: t0) }
    }

    @Test("a stamp is trusted only a full second after the directory last changed")
    func settling() throws {
        let inbox = try InboxFixture(created: t0)
        let stamp = try #require(inbox.keys.stamp(ofEpoch: 202601))
        #expect(!stamp.isSettled(at: Date()))
        #expect(stamp.isSettled(at: Date().addingTimeInterval(2)))
        #expect(inbox.keys.stamp(ofEpoch: 209912) == nil)
    }
}
