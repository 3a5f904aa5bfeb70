// Answer templates as staff get them: each placeholder filled in the case's language, the
// signature after one blank line, and the listing that `inbox answer --template` offers.
import Foundation
import InboxCore
import InboxStore
import InboxTestSupport
import Testing

@Suite("answer templates")
struct AnswerTemplatesTests {
    /// 29 November 2026 23:30 UTC: already 30 November in Stockholm (CET, UTC+1).
    static let received = Date(timeIntervalSince1970: 1_795_995_000)
    /// 14 December 2026 12:00 UTC.
    static let due = Date(timeIntervalSince1970: 1_797_249_600)
    static let values = TemplateValues(reference: "K7Q2-M9XD-4T", received: received, staffName: "Anna Andersson", due: due)

    /// A templates directory with one template in both languages that uses every placeholder.
    static func directory() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(
            "status.sv.txt",
            """
            Hej!

            Din fråga {{reference}} kom in den {{received}}. Du får svar senast den {{due}}.
            Handläggare: {{staff_name}}

            """)
        try directory.write(
            "status.en.txt",
            """
            Hello,

            Your question {{ reference }} was received on {{ received }}. You will have an answer by {{ due }}.
            Officer: {{ staff_name }}

            """)
        try directory.write("signature.sv.txt", "Med vänliga hälsningar\n{{staff_name}}\nKommunen\n")
        try directory.write("signature.en.txt", "Kind regards\n{{staff_name}}\nThe municipality\n")
        return directory
    }

    static func templates(_ directory: TemporaryDirectory) -> AnswerTemplates {
        AnswerTemplates(directory: URL(fileURLWithPath: directory.path))
    }

    @Test("a Swedish template gets every value, its date in Swedish, and the Swedish signature after a blank line")
    func swedish() throws {
        let directory = try Self.directory()
        let text = try Self.templates(directory).render("status", language: .sv, values: Self.values)
        #expect(
            text == """
                Hej!

                Din fråga K7Q2-M9XD-4T kom in den 30 november 2026. Du får svar senast den 14 december 2026.
                Handläggare: Anna Andersson

                Med vänliga hälsningar
                Anna Andersson
                Kommunen

                """)
    }

    @Test("an English template gets every value, its date in English, and the English signature after a blank line")
    func english() throws {
        let directory = try Self.directory()
        let text = try Self.templates(directory).render("status", language: .en, values: Self.values)
        #expect(
            text == """
                Hello,

                Your question K7Q2-M9XD-4T was received on 30 November 2026. You will have an answer by 14 December 2026.
                Officer: Anna Andersson

                Kind regards
                Anna Andersson
                The municipality

                """)
    }

    @Test("Windows line endings and a byte-order mark are read as plain lines; blank lines around the parts collapse to one")
    func normalised() throws {
        let directory = try Self.directory()
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("Hej {{reference}}!\r\nRad två\r\n\r\n\r\n".utf8)
        #expect(FileManager.default.createFile(atPath: "\(directory.path)/crlf.sv.txt", contents: bytes))
        try directory.write("signature.sv.txt", "\r\n\r\nKommunen\r\n\r\n")
        let text = try Self.templates(directory).render("crlf", language: .sv, values: Self.values)
        #expect(text == "Hej K7Q2-M9XD-4T!\nRad två\n\nKommunen\n")
    }

    @Test("an empty signature file means no signature")
    func emptySignature() throws {
        let directory = try Self.directory()
        try directory.write("signature.en.txt", "")
        try directory.write("plain.en.txt", "Thank you for your question.\n")
        #expect(try Self.templates(directory).render("plain", language: .en, values: Self.values) == "Thank you for your question.\n")
    }

    @Test("a value is inserted as it is, never read as a placeholder itself")
    func valuesAreNotTemplates() throws {
        let directory = try Self.directory()
        try directory.write("plain.en.txt", "From {{staff_name}}\n")
        var values = Self.values
        values.staffName = "{{due}} {{nonsense"
        values.due = nil
        let text = try Self.templates(directory).render("plain", language: .en, values: values)
        #expect(text.hasPrefix("From {{due}} {{nonsense\n\n"))
    }

    @Test("a template that does not use {{due}} needs no due date")
    func dueIsOptional() throws {
        let directory = try Self.directory()
        try directory.write("plain.sv.txt", "Din fråga {{reference}}.\n")
        var values = Self.values
        values.due = nil
        #expect(try Self.templates(directory).render("plain", language: .sv, values: values).hasPrefix("Din fråga K7Q2-M9XD-4T.\n\n"))
    }

    @Test("a file of exactly 64 KiB is accepted")
    func largestFile() throws {
        let directory = try Self.directory()
        let line = String(repeating: "a", count: 1023) + "\n"
        try directory.write("long.sv.txt", String(repeating: line, count: 64))
        let text = try Self.templates(directory).render("long", language: .sv, values: Self.values)
        #expect(text.utf8.count == 64 * 1024 + "\nMed vänliga hälsningar\nAnna Andersson\nKommunen\n".utf8.count)
    }

    @Test("the listing names each template with its languages, and nothing else in the directory")
    func listing() throws {
        let directory = try TemporaryDirectory()
        for name in [
            "answer.sv.txt", "answer.en.txt", "interim.sv.txt", "signature.sv.txt", "signature.en.txt", "README.md", "Bad.sv.txt",
            "x.de.txt", "answer.sv.txt~", ".hidden.sv.txt", "noext.sv", "2-step.en.txt",
        ] {
            try directory.write(name, "text\n")
        }
        let listing = try AnswerTemplates(directory: URL(fileURLWithPath: directory.path)).available()
        #expect(
            listing == [
                TemplateListing(name: "2-step", languages: [.en]),
                TemplateListing(name: "answer", languages: [.sv, .en]),
                TemplateListing(name: "interim", languages: [.sv]),
            ])
        #expect(listing.map(\.description) == ["2-step (en)", "answer (sv, en)", "interim (sv)"])
    }
}
