// The policy's bad-input table: each mistake is refused with its own message, at its line.
import Foundation
import InboxPolicy
import InboxTOML
import Testing

@Suite("policy validation")
struct PolicyValidationTests {
    @Test("the shipped default policy is valid and says what policy/README.md says")
    func defaultPolicy() throws {
        let policy = try PolicyLoader.load(path: DefaultPolicy.path)
        let email = policy.field(.email)
        let thirtyDays = RetentionDuration(amount: 30, unit: .days)
        #expect(email.retention == [RetentionRule(event: .answered, keep: thirtyDays), RetentionRule(event: .closed, keep: thirtyDays)])
        #expect(email.hardMaximum == RetentionDuration(amount: 90, unit: .days))
        #expect(email.purpose == "answering")
        #expect(policy.field(.question).hardMaximum == RetentionDuration(amount: 2, unit: .years))
        #expect(policy.field(.answer).hardMaximum == RetentionDuration(amount: 2, unit: .years))
        #expect(policy.field(.audit).hardMaximum == RetentionDuration(amount: 2, unit: .years))
        #expect(policy.epochMonths == 1)
        #expect(policy.recipients.first?.fields == [.email, .answer])
        #expect(policy.cases.answerWithin == .workingDays(5))
        #expect(policy.topics.map(\.name) == ["accessibility"])
        #expect(policy.topics.first?.answerWithin == .workingDays(2))
        #expect(policy.spam?.keep == RetentionDuration(amount: 30, unit: .days))
        #expect(policy.register.keep == RetentionDuration(amount: 10, unit: .years))
        #expect(policy.register.archivalReference?.isEmpty == false)
    }

    @Test("a topic's own time to answer replaces [cases]; a case without a topic, or one no longer listed, keeps the default")
    func topicDue() throws {
        let policy = try PolicyLoader.load(path: DefaultPolicy.path)
        // Monday 7 December 2026, noon in Stockholm.
        let monday = Date(timeIntervalSince1970: 1_796_641_200)
        #expect(policy.due(receivedAt: monday, topic: "accessibility").map { "\($0.day)" } == "2026-12-09")
        #expect(policy.due(receivedAt: monday, topic: nil).map { "\($0.day)" } == "2026-12-14")
        #expect(policy.due(receivedAt: monday, topic: "gone").map { "\($0.day)" } == "2026-12-14")
    }

    @Test("spam's deadline is the earlier of its own rule and the field's; never for audit entries")
    func spamDeadline() throws {
        let policy = try PolicyLoader.load(path: DefaultPolicy.path)
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        let day: TimeInterval = 86_400
        let marked = policy.deadline(of: .question, received: t0, answered: nil, closed: nil, markedSpam: t0 + day)
        #expect(marked.date == t0 + 31 * day && marked.rule == "spam: 30 days after marked as spam")
        // Marked late: the address's hard maximum (90 days after receipt) comes first.
        let late = policy.deadline(of: .email, received: t0, answered: nil, closed: nil, markedSpam: t0 + 80 * day)
        #expect(late.date == t0 + 90 * day && late.rule == "hard maximum 90 days after received")
        #expect(policy.deadline(of: .question, received: t0, answered: nil, closed: nil, markedSpam: nil).rule == "2 years after received")
    }

    /// One invalid variant of the default policy: `replace` becomes `with`, and the error must
    /// name the line where `marker` (from the new text) stands.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let replace: String
        let with: String
        let message: String
        var marker: String? = nil

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "topic name with upper case", replace: "[topics.accessibility]", with: "[topics.Accessibility]",
            message: "`Accessibility` is not a topic name", marker: "[topics.Accessibility]"),
        Case(
            name: "topic without an English label", replace: "label.en = \"Accessibility of this website\"\n", with: "",
            message: "is missing `en`"),
        Case(
            name: "topic's answer_within not a time", replace: "answer_within = \"2 working days\"", with: "answer_within = \"soon\"",
            message: "does not start with a number", marker: "answer_within = \"soon\""),
        Case(
            name: "unknown key in a topic", replace: "answer_within = \"2 working days\"",
            with: "answer_within = \"2 working days\"\ncolour = \"red\"", message: "unknown key `colour`", marker: "colour"),
        Case(
            name: "spam kept longer than the address's hard maximum", replace: "[spam]\nkeep = \"30 days\"",
            with: "[spam]\nkeep = \"4 months\"",
            message: "keeping spam 4 months can be longer than the email field's hard maximum of 90 days",
            marker: "keep = \"4 months\""),
        Case(
            name: "spam rule without its archival reference", replace: "archival_reference = \"Gallringsbeslut 2026:1 § 5",
            with: "archival_note = \"Gallringsbeslut 2026:1 § 5", message: "[spam] is missing `archival_reference`"),
        Case(
            name: "register kept shorter than the data it registers", replace: "keep = \"10 years\"", with: "keep = \"1 year\"",
            message: "a register kept 1 year can go before the question field it registers (kept up to 2 years)",
            marker: "keep = \"1 year\""),
        Case(
            name: "register deleted without an archival reference", replace: "archival_reference = \"Gallringsbeslut 2026:1 § 6",
            with: "archival_note = \"Gallringsbeslut 2026:1 § 6",
            message: "the register is deleted after 10 years, but [register] names no `archival_reference`", marker: "keep = \"10 years\""),
        Case(
            name: "a field's rule without an archival reference", replace: "archival_reference = \"Gallringsbeslut 2026:1 § 3",
            with: "archival_note = \"Gallringsbeslut 2026:1 § 3", message: "is missing `archival_reference`"),
        Case(
            name: "unknown key", replace: "hard_maximum = \"90 days\"", with: "hard_maximum = \"90 days\"\nkeep_forever = true",
            message: "unknown key `keep_forever` in [fields.email]", marker: "keep_forever"),
        Case(
            name: "unknown top-level section", replace: "[keys]", with: "[colours]\nred = 1\n\n[keys]",
            message: "unknown key `colours` in the top level", marker: "[colours]"),
        Case(
            name: "missing setting", replace: "hard_maximum = \"90 days\"\n", with: "",
            message: "[fields.email] is missing `hard_maximum`", marker: "[fields.email]"),
        Case(
            name: "missing field", replace: "[fields.audit]", with: "[not_fields.audit]",
            message: "[fields] has no policy for `audit`", marker: "[fields.email]"),
        Case(
            name: "unknown field", replace: "[fields.audit]", with: "[fields.phone]",
            message: "unknown field `phone` in [fields]", marker: "[fields.phone]"),
        Case(
            name: "duplicate key", replace: "purpose = \"answering\"", with: "purpose = \"answering\"\npurpose = \"answering\"  # again",
            message: "`purpose` is set twice", marker: "purpose = \"answering\"  # again"),
        Case(
            name: "duplicate section", replace: "[keys]", with: "[controller]\nname = \"x\"\n\n[keys]",
            message: "[controller] is defined twice", marker: "[controller]\nname = \"x\""),
        Case(
            name: "unparseable duration", replace: "hard_maximum = \"90 days\"", with: "hard_maximum = \"90 dayz\"",
            message: "the hard maximum \"90 dayz\" is not a duration", marker: "90 dayz"),
        Case(
            name: "duration without a unit", replace: "keep = \"30 days\"", with: "keep = \"30\"",
            message: "the retention \"30\" is not a duration", marker: "keep = \"30\""),
        Case(
            name: "unknown event", replace: "after = \"answered\"", with: "after = \"replied\"",
            message: "unknown event `replied` for the email field", marker: "replied"),
        Case(
            name: "event of another kind of field", replace: "after = \"answered\"", with: "after = \"recorded\"",
            message: "unknown event `recorded` for the email field", marker: "after = \"recorded\", keep = \"30 days\""),
        Case(
            name: "a purpose the inbox acts for is missing", replace: "[purposes.accountability]", with: "[purposes.auditing]",
            message: "[purposes] does not define `accountability`, which the inbox acts for in the audit log",
            marker: "[purposes.answering]"),
        Case(
            name: "unknown purpose", replace: "purpose = \"answering\"", with: "purpose = \"marketing\"",
            message: "unknown purpose `marketing`", marker: "marketing"),
        Case(
            name: "unknown purpose to open for",
            replace: "opened_for = [\"answering\", \"access_request\"]\nretention = [\n    { after = \"answered\"",
            with: "opened_for = [\"answering\", \"profiling\"]\nretention = [\n    { after = \"answered\"",
            message: "unknown purpose `profiling`", marker: "profiling"),
        Case(
            name: "hard maximum shorter than a rule", replace: "{ after = \"answered\", keep = \"30 days\" }",
            with: "{ after = \"answered\", keep = \"120 days\" }",
            message: "keeping 120 days after answered can be longer than the hard maximum of 90 days", marker: "120 days"),
        Case(
            name: "a month may exceed 30 days",
            replace: "{ after = \"closed\", keep = \"30 days\" },\n]\nhard_maximum = \"90 days\"",
            with: "{ after = \"closed\", keep = \"1 month\" },\n]\nhard_maximum = \"30 days\"",
            message: "keeping 1 month after closed can be longer than the hard maximum of 30 days", marker: "keep = \"1 month\""),
        Case(
            name: "two rules from one event", replace: "{ after = \"answered\", keep = \"30 days\" },",
            with: "{ after = \"answered\", keep = \"30 days\" },\n    { after = \"answered\", keep = \"20 days\" },",
            message: "two rules count from `answered`", marker: "20 days"),
        Case(
            name: "unsupported epoch", replace: "epoch = \"1 month\"", with: "epoch = \"5 months\"",
            message: "a key epoch of 5 months is not supported", marker: "5 months"),
        Case(
            name: "wrong kind of value", replace: "hard_maximum = \"90 days\"", with: "hard_maximum = 90",
            message: "`hard_maximum` in [fields.email] must be a string, not an integer", marker: "hard_maximum = 90"),
        Case(
            name: "missing translation", replace: "description.en = \"Your email address, if you give it.\"\n", with: "",
            message: "[fields.email.description] is missing `en`", marker: "description.sv = \"Din e-postadress"),
        Case(
            name: "unknown language", replace: "description.en = \"Your email address, if you give it.\"",
            with: "description.en = \"Your email address, if you give it.\"\ndescription.de = \"Ihre E-Mail-Adresse.\"",
            message: "unknown key `de` in [fields.email.description]", marker: "description.de"),
        Case(
            name: "syntax: unclosed string", replace: "hard_maximum = \"90 days\"", with: "hard_maximum = \"90 days",
            message: "the string is not closed on this line", marker: "hard_maximum = \"90 days\n"),
        Case(
            name: "syntax: date", replace: "hard_maximum = \"90 days\"", with: "hard_maximum = 2026-12-01",
            message: "dates and times are not supported in a policy file", marker: "2026-12-01"),
        Case(
            name: "unsupported version", replace: "version = 1", with: "version = 2",
            message: "policy format version 2 is not supported", marker: "version = 2"),
        Case(
            name: "empty opened_for", replace: "opened_for = [\"accountability\"]", with: "opened_for = []",
            message: "`opened_for` is empty", marker: "opened_for = []"),
        Case(
            name: "an event of a case for audit entries", replace: "{ after = \"recorded\", keep = \"2 years\" }",
            with: "{ after = \"closed\", keep = \"2 years\" }",
            message: "unknown event `closed` for the audit field", marker: "after = \"closed\", keep = \"2 years\""),
        Case(
            name: "[cases]: unknown key", replace: answerWithin, with: "\(answerWithin)\nremind_after = \"3 days\"",
            message: "unknown key `remind_after` in [cases]", marker: "remind_after"),
        Case(
            name: "[cases]: a number in words", replace: answerWithin, with: "answer_within = \"five working days\"",
            message: "the time to answer \"five working days\" does not start with a number", marker: "five working days"),
        Case(
            name: "[cases]: no time at all", replace: answerWithin, with: "answer_within = \"0 working days\"",
            message: "an answer within 0 working days is no time to answer", marker: "0 working days"),
        Case(
            name: "[cases]: zero calendar days", replace: answerWithin, with: "answer_within = \"0 days\"",
            message: "an answer within 0 days is no time to answer", marker: "answer_within = \"0 days\""),
        Case(
            name: "[cases]: unknown unit", replace: answerWithin, with: "answer_within = \"5 workdays\"",
            message: "the time to answer \"5 workdays\" has an unknown unit `workdays`", marker: "5 workdays"),
        Case(
            name: "[cases]: no unit", replace: answerWithin, with: "answer_within = \"5\"",
            message: "the time to answer \"5\" has no unit", marker: "answer_within = \"5\""),
        Case(
            name: "[cases]: more working days than a year has", replace: answerWithin, with: "answer_within = \"251 working days\"",
            message: "an answer within 251 working days is longer than a year", marker: "251 working days"),
        Case(
            name: "[cases]: more months than a year has", replace: answerWithin, with: "answer_within = \"13 months\"",
            message: "an answer within 13 months is longer than a year", marker: "13 months"),
        Case(
            name: "[cases]: wrong kind of value", replace: answerWithin, with: "answer_within = 5",
            message: "`answer_within` in [cases] must be a string, not an integer", marker: "answer_within = 5"),
        Case(
            name: "[cases]: empty table", replace: "\(answerWithin)\n", with: "",
            message: "[cases] is missing `answer_within`", marker: "[cases]"),
    ]

    static let answerWithin = "answer_within = \"5 working days\""

    @Test("an invalid policy is refused with its line", arguments: cases)
    func invalid(_ testCase: Case) throws {
        #expect(DefaultPolicy.text.contains(testCase.replace), "the case no longer matches the default policy")
        let text = DefaultPolicy.text.replacingOccurrences(of: testCase.replace, with: testCase.with)
        let error = try #require(throws: PolicyError.self) { try PolicyLoader.parse(text, file: "policy.toml") }
        #expect(error.message.contains(testCase.message), "\(error)")
        #expect(error.location.file == "policy.toml")
        if let marker = testCase.marker {
            let prefix = try #require(text.range(of: marker)).lowerBound
            let line = text[..<prefix].filter { $0 == "\n" }.count + 1
            #expect(error.location.line == line, "\(error)")
        }
        #expect(error.description.hasPrefix("policy.toml:\(error.location.line)"))
    }

    @Test("unknown keys come with the keys that are allowed")
    func hint() throws {
        let text = DefaultPolicy.text.replacingOccurrences(of: "[keys]\n", with: "[keys]\nepochs = \"1 month\"\n")
        let error = try #require(throws: PolicyError.self) { try PolicyLoader.parse(text, file: "p") }
        #expect(error.hint == "the keys of [keys] are: epoch")
        #expect(error.location.column == 1)
    }

    @Test("unknown keys in [cases] come with the key that is allowed")
    func casesHint() throws {
        let text = DefaultPolicy.text.replacingOccurrences(of: Self.answerWithin, with: "answer_in = \"5 working days\"")
        let error = try #require(throws: PolicyError.self) { try PolicyLoader.parse(text, file: "p") }
        #expect(error.message == "[cases] is missing `answer_within`")
        let unknown = DefaultPolicy.text.replacingOccurrences(of: Self.answerWithin, with: "\(Self.answerWithin)\nanswer_in = 5")
        let unknownError = try #require(throws: PolicyError.self) { try PolicyLoader.parse(unknown, file: "p") }
        #expect(unknownError.hint == "the keys of [cases] are: answer_within")
        let unit = DefaultPolicy.text.replacingOccurrences(of: Self.answerWithin, with: "answer_within = \"5 workdays\"")
        let unitError = try #require(throws: PolicyError.self) { try PolicyLoader.parse(unit, file: "p") }
        #expect(unitError.hint?.contains("\"5 working days\"") == true, "\(unitError)")
    }

    @Test(
        "answer_within in working days or calendar units",
        arguments: [
            ("1 working day", AnswerWithin.workingDays(1)), ("5 Working Days", .workingDays(5)), ("250 working days", .workingDays(250)),
            ("10 days", .calendar(RetentionDuration(amount: 10, unit: .days))),
            ("1 day", .calendar(RetentionDuration(amount: 1, unit: .days))),
            ("2 weeks", .calendar(RetentionDuration(amount: 2, unit: .weeks))),
            ("1 month", .calendar(RetentionDuration(amount: 1, unit: .months))),
            ("12 months", .calendar(RetentionDuration(amount: 12, unit: .months))),
            ("365 days", .calendar(RetentionDuration(amount: 365, unit: .days))),
            ("1 year", .calendar(RetentionDuration(amount: 1, unit: .years))),
        ])
    func acceptedAnswerWithin(text: String, expected: AnswerWithin) throws {
        let policy = try PolicyLoader.parse(
            DefaultPolicy.text.replacingOccurrences(of: Self.answerWithin, with: "answer_within = \"\(text)\""), file: "p")
        #expect(policy.cases.answerWithin == expected)
    }

    @Test("`closed` may count for every field of a record, not for audit entries", arguments: ["Your question.", "Our answer to you."])
    func closedForRecordFields(description: String) throws {
        let marker =
            "description.en = \"\(description)\"\npurpose = \"public_records\"\nopened_for = [\"answering\", \"access_request\"]\nretention = [\n"
        #expect(DefaultPolicy.text.contains(marker))
        let text = DefaultPolicy.text.replacingOccurrences(of: marker, with: marker + "    { after = \"closed\", keep = \"1 year\" },\n")
        let policy = try PolicyLoader.parse(text, file: "p")
        let field = try #require(policy.fields.first { $0.description.en == description })
        #expect(field.retention.first == RetentionRule(event: .closed, keep: RetentionDuration(amount: 1, unit: .years)))

        let audit = DefaultPolicy.text.replacingOccurrences(of: "after = \"recorded\"", with: "after = \"closed\"")
        let error = try #require(throws: PolicyError.self) { try PolicyLoader.parse(audit, file: "p") }
        #expect(error.hint == "a rule for audit counts from: recorded; an audit entry belongs to no case, so it is never closed")
    }
}
