// What the form accepts: the question and address rules, each refusal with its own problem.
import Foundation
import InboxCore
import Testing

@Suite("submission validation")
struct SubmissionValidatorTests {
    func problems(question: String?, email: String?) -> [SubmissionField: SubmissionProblem] {
        if case .failure(let errors) = SubmissionValidator.validate(question: question, email: email) { return errors.problems }
        return [:]
    }

    @Test("valid submissions are trimmed and normalised")
    func valid() throws {
        let result = try SubmissionValidator.validate(question: "  Hej!\r\nRad två  ", email: " anna.andersson@example.se ").get()
        #expect(result.question == "Hej!\nRad två")
        #expect(result.email == "anna.andersson@example.se")
        #expect(try SubmissionValidator.validate(question: "?", email: "").get().email == nil)
        #expect(try SubmissionValidator.validate(question: "?", email: nil).get().email == nil)
    }

    @Test("a 5,000-character question in Cyrillic is accepted; 5,001 are not")
    func length() {
        let cyrillic = String(repeating: "ж", count: 5_000)
        #expect(problems(question: cyrillic, email: nil).isEmpty)
        #expect(problems(question: cyrillic + "ж", email: nil) == [.question: .questionTooLong])
        #expect(problems(question: String(repeating: "ع", count: 5_000), email: nil).isEmpty)
        // ASCII, where octets and characters are one: the limit is the same.
        #expect(problems(question: String(repeating: "a", count: 5_000), email: nil).isEmpty)
        #expect(problems(question: String(repeating: "a", count: 5_001), email: nil) == [.question: .questionTooLong])
        // A CRLF pair is one character to Swift but two octets: 5,000 lines of "a\r\n" less the last
        // line end is 9,999 characters once normalised, and too long.
        #expect(problems(question: String(repeating: "a\r\n", count: 5_000), email: nil) == [.question: .questionTooLong])
        #expect(problems(question: String(repeating: "\r\n", count: 2_500) + "a", email: nil).isEmpty)
    }

    @Test("questions refused", arguments: [nil, "", "   \n\t "] as [String?])
    func missingQuestion(question: String?) {
        #expect(problems(question: question, email: nil) == [.question: .questionMissing])
    }

    @Test(
        "addresses accepted",
        arguments: ["a@b.se", "first.last+tag@example.co.uk", "åsa@exempel.se", "x@räksmörgås.se", "o'brien@example.ie"])
    func goodAddresses(email: String) {
        #expect(problems(question: "?", email: email).isEmpty)
    }

    static let longDomain = "a@" + [String](repeating: String(repeating: "b", count: 60), count: 5).joined(separator: ".") + ".se"
    static let refusedAddresses: [(String, SubmissionProblem)] = [
        ("plainaddress", .emailInvalid), ("@example.se", .emailInvalid), ("a@", .emailInvalid), ("a@localhost", .emailInvalid),
        ("a..b@example.se", .emailInvalid), (".a@example.se", .emailInvalid), ("a b@example.se", .emailInvalid), ("a@-x.se", .emailInvalid),
        ("a@example..se", .emailInvalid), ("a\r\nBcc: x@evil.example@example.se", .emailControlCharacters),
        ("a\n@example.se", .emailControlCharacters), ("a\u{0}@example.se", .emailControlCharacters),
        ("a\u{202E}@example.se", .emailControlCharacters), (String(repeating: "a", count: 65) + "@example.se", .emailInvalid),
        (longDomain, .emailTooLong),
    ]

    @Test("addresses refused", arguments: refusedAddresses)
    func badAddresses(email: String, problem: SubmissionProblem) {
        #expect(problems(question: "?", email: email) == [.email: problem])
    }

    @Test("the index normalisation: trimmed, NFC, lower case")
    func normalisation() {
        let decomposed = "A\u{030A}sa@Example.SE "
        #expect(EmailIndexNormalization.normalise(decomposed) == "åsa@example.se")
    }
}
