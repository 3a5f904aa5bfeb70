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
    func filters() async throws {
        let open = try await inbox.submit()
        let answered = try await inbox.submit()
        let held = try await inbox.submit(email: false)
        _ = try inbox.store()
        try await inbox.markAnswered(answered)
        try await inbox.setHoldMarker(held, reason: "legal hold")

        #expect(try list([]).map { $0["reference"] as? String } == [open.text])
        #expect(try list(["--status", "answered"]).map { $0["reference"] as? String } == [answered.text])
        #expect(try list(["--status", "held"]).map { $0["reference"] as? String } == [held.text])
        let all = try list(["--status", "all"])
        #expect(Set(all.compactMap { $0["reference"] as? String }) == [open.text, answered.text, held.text])
        let keys: Set<String> = [
            "reference", "status", "held", "received_at", "answered_at", "closed_at", "email_deleted_by", "claimed_by", "due", "overdue",
            "email_deleted_unanswered_by", "topic", "page",
        ]
        #expect(all.allSatisfy { Set($0.keys) == keys })
    }

    @Test("the address's deletion date follows the policy: 90 days unanswered, 30 after an answer")
    func deletionDates() async throws {
        let open = try await inbox.submit()
        let answered = try await inbox.submit()
        try await inbox.markAnswered(answered)
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

    @Test("piped, every row is printed whatever the screen; --limit shows the oldest and says so")
    func pipedAndLimited() async throws {
        var references: [Reference] = []
        for _ in 0..<5 { references.append(try await inbox.submit()) }
        let everything = try inbox.run(["list"]).standardOutput.split(separator: "\n")
        #expect(everything.count == 1 + 5 + 1)
        let limited = try inbox.run(["list", "--limit", "2"])
        let lines = limited.standardOutput.split(separator: "\n")
        #expect(lines.count == 1 + 2 + 1)
        let oldest = try await inbox.store().records(status: .open, held: false).prefix(2).map(\.reference.text)
        #expect(lines[1].hasPrefix(oldest[0]) && lines[2].hasPrefix(oldest[1]))
        #expect(lines.last == "5 open record(s); the 2 oldest shown (inbox list --all, or --limit N)")
        #expect(references.count == 5)
        #expect(try inbox.run(["list", "--json", "--limit", "2"]).status != 0)
    }

    @Test("the table names the records and counts them")
    func table() async throws {
        let reference = try await inbox.submit()
        let result = try inbox.run(["list"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(reference.text))
        #expect(result.standardOutput.hasSuffix("1 open record(s)\n"))
    }
}
