// `inbox list` with the real executable: filters, the address's deletion date, no passphrase.
import Foundation
import InboxStore
import InboxTestSupport
import Testing

@Suite("inbox list (the real executable)")
struct ListCommandTests {
    let inbox: InitializedInbox

    init() throws {
        inbox = try InitializedInbox()
    }

    func list(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try inbox.run(["list", "--json"] + arguments)
        guard result.status == 0 else { throw InitializedInbox.Failure(description: result.standardError) }
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    }

    @Test("each status filter returns its records; all returns every one")
    func filters() throws {
        let open = try inbox.submit()
        let answered = try inbox.submit()
        let held = try inbox.submit(email: false)
        let store = try inbox.store()
        try store.markAnswered(answered, sealedAnswer: Data([1]), at: Date())
        try store.setHold(held, hold: Hold(reason: "legal hold", since: Date()))

        #expect(try list([]).map { $0["reference"] as? String } == [open.text])
        #expect(try list(["--status", "answered"]).map { $0["reference"] as? String } == [answered.text])
        #expect(try list(["--status", "held"]).map { $0["reference"] as? String } == [held.text])
        let all = try list(["--status", "all"])
        #expect(Set(all.compactMap { $0["reference"] as? String }) == [open.text, answered.text, held.text])
        #expect(all.allSatisfy { Set($0.keys) == ["reference", "status", "held", "received_at", "answered_at", "email_deleted_by"] })
    }

    @Test("the address's deletion date follows the policy: 90 days unanswered, 30 after an answer")
    func deletionDates() throws {
        let open = try inbox.submit()
        let answered = try inbox.submit()
        try inbox.store().markAnswered(answered, sealedAnswer: Data([1]), at: Date())
        let items = try list(["--status", "all"])
        let formatter = ISO8601DateFormatter()
        func item(_ reference: Reference) -> [String: Any] { items.first { $0["reference"] as? String == reference.text }! }
        let received = formatter.date(from: item(open)["received_at"] as! String)!
        let openDeadline = formatter.date(from: item(open)["email_deleted_by"] as! String)!
        #expect(abs(openDeadline.timeIntervalSince(received) - 90 * 86_400) < 1)
        let answeredAt = formatter.date(from: item(answered)["answered_at"] as! String)!
        let answeredDeadline = formatter.date(from: item(answered)["email_deleted_by"] as! String)!
        #expect(abs(answeredDeadline.timeIntervalSince(answeredAt) - 30 * 86_400) < 1)
    }

    @Test("the table names the records and counts them")
    func table() throws {
        let reference = try inbox.submit()
        let result = try inbox.run(["list"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(reference.text))
        #expect(result.standardOutput.hasSuffix("1 record(s)\n"))
    }
}
