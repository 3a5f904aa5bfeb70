// When each field must be gone: answered, unanswered, and a retention that was shortened.
import Foundation
import InboxPolicy
import Testing

@Suite("deadlines")
struct DeadlineTests {
    let policy = try! PolicyLoader.load(path: DefaultPolicy.path)

    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test(
        "email: 30 days after the answer, else 90 days after receipt",
        arguments: [
            // received, answered, deadline, rule
            ("2026-01-01T12:00:00Z", "2026-01-05T09:00:00Z", "2026-02-04T09:00:00Z", "30 days after answered"),
            ("2026-01-01T12:00:00Z", nil, "2026-04-01T12:00:00Z", "hard maximum 90 days after received"),
            ("2026-01-01T12:00:00Z", "2026-03-15T00:00:00Z", "2026-04-01T12:00:00Z", "hard maximum 90 days after received"),
        ] as [(String, String?, String, String)])
    func email(received: String, answered: String?, deadline: String, rule: String) {
        let result = policy.field(.email).deadline(received: date(received), answered: answered.map(date))
        #expect(result.date == date(deadline))
        #expect(result.rule == rule)
    }

    @Test(
        "email: 30 days after a close without an answer, counted only once the case was closed",
        arguments: [
            // received, answered, closed, deadline, rule
            ("2026-01-01T12:00:00Z", nil, "2026-01-10T08:00:00Z", "2026-02-09T08:00:00Z", "30 days after closed"),
            ("2026-01-01T12:00:00Z", nil, "2026-03-15T00:00:00Z", "2026-04-01T12:00:00Z", "hard maximum 90 days after received"),
            ("2026-01-01T12:00:00Z", nil, nil, "2026-04-01T12:00:00Z", "hard maximum 90 days after received"),
            // Answered, then reopened and closed: the earlier clock decides.
            ("2026-01-01T12:00:00Z", "2026-01-05T09:00:00Z", "2026-01-20T09:00:00Z", "2026-02-04T09:00:00Z", "30 days after answered"),
        ] as [(String, String?, String?, String, String)])
    func closed(received: String, answered: String?, closed: String?, deadline: String, rule: String) {
        let result = policy.field(.email).deadline(received: date(received), answered: answered.map(date), closed: closed.map(date))
        #expect(result.date == date(deadline))
        #expect(result.rule == rule)
    }

    @Test("a close counts for a field only when its policy has a `closed` rule")
    func closedWithoutRule() throws {
        let received = date("2026-01-01T12:00:00Z")
        let closed = date("2026-01-10T08:00:00Z")
        #expect(policy.field(.question).deadline(received: received, answered: nil, closed: closed).date == date("2028-01-01T12:00:00Z"))
        let text = DefaultPolicy.text.replacingOccurrences(of: "    { after = \"closed\", keep = \"30 days\" },\n", with: "")
        let withoutRule = try PolicyLoader.parse(text, file: "p")
        #expect(withoutRule.field(.email).deadline(received: received, answered: nil, closed: closed).date == date("2026-04-01T12:00:00Z"))
    }

    @Test("question and answer: two years after receipt, answered or not")
    func question() {
        for field in [PolicyField.question, .answer] {
            let result = policy.field(field).deadline(received: date("2026-02-28T10:00:00Z"), answered: date("2026-03-01T10:00:00Z"))
            #expect(result.date == date("2028-02-28T10:00:00Z"))
            #expect(result.rule == "2 years after received")
        }
    }

    @Test("a shortened retention moves existing deadlines earlier")
    func shortened() throws {
        let text = DefaultPolicy.text.replacingOccurrences(of: "keep = \"30 days\"", with: "keep = \"7 days\"")
        let shorter = try PolicyLoader.parse(text, file: "shorter.toml")
        let received = date("2026-01-01T00:00:00Z")
        let answered = date("2026-01-02T00:00:00Z")
        #expect(shorter.field(.email).deadline(received: received, answered: answered).date == date("2026-01-09T00:00:00Z"))
        #expect(policy.field(.email).deadline(received: received, answered: answered).date == date("2026-02-01T00:00:00Z"))
    }

    @Test("calendar months clamp at the month's end")
    func months() {
        let oneMonth = RetentionDuration(amount: 1, unit: .months)
        #expect(oneMonth.added(to: date("2026-01-31T00:00:00Z")) == date("2026-02-28T00:00:00Z"))
        #expect(RetentionDuration(parsing: "1 month") == oneMonth)
        #expect(RetentionDuration(parsing: "2 Years") == RetentionDuration(amount: 2, unit: .years))
        #expect(RetentionDuration(parsing: "-1 days") == nil)
        #expect(RetentionDuration(parsing: "30days") == nil)
    }

    @Test("a key is destroyed at the epoch's end plus the field's hard maximum")
    func keyDestruction() {
        let end = date("2026-12-01T00:00:00Z")
        #expect(policy.keyDestructionDate(epochEnd: end, field: .email) == date("2027-03-01T00:00:00Z"))
        #expect(policy.keyDestructionDate(epochEnd: end, field: .question) == date("2028-12-01T00:00:00Z"))
    }

    @Test("opening for a purpose the policy does not list is refused")
    func purposes() throws {
        try policy.checkOpening(.email, for: .answering)
        let refusal = #expect(throws: PurposeRefusal.self) { try policy.checkOpening(.email, for: .accountability) }
        #expect(refusal?.description.contains("allows: answering, access_request") == true)
    }
}
