// The bad-input table of answer templates: each mistake in a name or a file is refused with the
// error that says what to fix, naming the file and line where there is one.
import Foundation
import Glibc
import InboxCore
import InboxStore
import InboxTestSupport
import Testing

@Suite("answer template errors")
struct AnswerTemplateErrorTests {
    /// One bad input: what to change in a good templates directory, what to render, what must come of it.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let testDescription: String
        var name = "good"
        var language = CaseLanguage.sv
        var due: Date? = Date(timeIntervalSince1970: 1_797_249_600)
        let prepare: @Sendable (_ directory: String) throws -> Void
        let expected: @Sendable (_ directory: String) -> TemplateError
    }

    static func write(_ directory: String, _ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
    }

    static let table: [BadInput] = [
        BadInput(
            testDescription: "an unknown placeholder, named with its file and line",
            prepare: { try write($0, "good.sv.txt", "Hej!\n\nDin fråga {{referens}} har kommit in.\n") },
            expected: { .unknownPlaceholder(path: "\($0)/good.sv.txt", line: 3, placeholder: "referens") }),
        BadInput(
            testDescription: "an empty placeholder",
            prepare: { try write($0, "good.sv.txt", "Hej {{}}!\n") },
            expected: { .unknownPlaceholder(path: "\($0)/good.sv.txt", line: 1, placeholder: "") }),
        BadInput(
            testDescription: "braces that are not closed",
            prepare: { try write($0, "good.sv.txt", "Hej!\nDin fråga {{reference har kommit in.\n") },
            expected: { .unclosedPlaceholder(path: "\($0)/good.sv.txt", line: 2) }),
        BadInput(
            testDescription: "braces closed only on the next line",
            prepare: { try write($0, "good.sv.txt", "Din fråga {{refer\nence}}.\n") },
            expected: { .unclosedPlaceholder(path: "\($0)/good.sv.txt", line: 1) }),
        BadInput(
            testDescription: "an unknown placeholder in the signature names the signature",
            prepare: { try write($0, "signature.sv.txt", "Med vänliga hälsningar\n{{namn}}\n") },
            expected: { .unknownPlaceholder(path: "\($0)/signature.sv.txt", line: 2, placeholder: "namn") }),
        BadInput(
            testDescription: "{{due}} without a due date",
            due: nil,
            prepare: { try write($0, "good.sv.txt", "Hej!\n\nDu får svar senast den {{due}}.\n") },
            expected: { .dueDateMissing(path: "\($0)/good.sv.txt", line: 3) }),
        BadInput(
            testDescription: "a path in the name", name: "../x", prepare: { _ in }, expected: { _ in .invalidName("../x") }),
        BadInput(testDescription: "an uppercase name", name: "A", prepare: { _ in }, expected: { _ in .invalidName("A") }),
        BadInput(testDescription: "an empty name", name: "", prepare: { _ in }, expected: { _ in .invalidName("") }),
        BadInput(testDescription: "a leading hyphen", name: "-x", prepare: { _ in }, expected: { _ in .invalidName("-x") }),
        BadInput(testDescription: "a dot in the name", name: "good.sv", prepare: { _ in }, expected: { _ in .invalidName("good.sv") }),
        BadInput(testDescription: "a slash in the name", name: "a/b", prepare: { _ in }, expected: { _ in .invalidName("a/b") }),
        BadInput(
            testDescription: "a name of 65 characters", name: String(repeating: "a", count: 65), prepare: { _ in },
            expected: { _ in .invalidName(String(repeating: "a", count: 65)) }),
        BadInput(
            testDescription: "the signature as a template", name: "signature", prepare: { _ in },
            expected: { _ in .signatureIsNotATemplate }),
        BadInput(
            testDescription: "a symbolic link", name: "linked",
            prepare: {
                try write($0, "linked.en.txt", "Hello\n")
                try FileManager.default.createSymbolicLink(atPath: "\($0)/linked.sv.txt", withDestinationPath: "\($0)/good.sv.txt")
            },
            expected: { .symbolicLink(path: "\($0)/linked.sv.txt") }),
        BadInput(
            testDescription: "a symbolic link as the signature",
            prepare: {
                try FileManager.default.removeItem(atPath: "\($0)/signature.sv.txt")
                try FileManager.default.createSymbolicLink(atPath: "\($0)/signature.sv.txt", withDestinationPath: "/etc/passwd")
            },
            expected: { .symbolicLink(path: "\($0)/signature.sv.txt") }),
        BadInput(
            testDescription: "a directory", name: "folder",
            prepare: { try FileManager.default.createDirectory(atPath: "\($0)/folder.sv.txt", withIntermediateDirectories: false) },
            expected: { .notARegularFile(path: "\($0)/folder.sv.txt") }),
        BadInput(
            testDescription: "a named pipe, refused without waiting for a writer", name: "pipe",
            prepare: { directory in
                guard mkfifo("\(directory)/pipe.sv.txt", 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            },
            expected: { .notARegularFile(path: "\($0)/pipe.sv.txt") }),
        BadInput(
            testDescription: "a file over 64 KiB",
            prepare: { try write($0, "good.sv.txt", String(repeating: "a", count: 64 * 1024 + 1)) },
            expected: { .tooLarge(path: "\($0)/good.sv.txt", limit: 64 * 1024) }),
        BadInput(
            testDescription: "invalid UTF-8",
            prepare: { try Data([0x48, 0x65, 0x6A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: "\($0)/good.sv.txt")) },
            expected: { .notUTF8(path: "\($0)/good.sv.txt") }),
        BadInput(
            testDescription: "a missing language, with the languages there are", name: "swedish-only", language: .en,
            prepare: { try write($0, "swedish-only.sv.txt", "Hej\n") },
            expected: {
                .missingLanguage(name: "swedish-only", language: .en, path: "\($0)/swedish-only.en.txt", existing: [.sv])
            }),
        BadInput(
            testDescription: "no such template, with the templates there are", name: "nothing",
            prepare: { _ in },
            expected: {
                .noSuchTemplate(name: "nothing", directory: $0, available: [TemplateListing(name: "good", languages: [.sv, .en])])
            }),
        BadInput(
            testDescription: "a missing signature", language: .en,
            prepare: { try FileManager.default.removeItem(atPath: "\($0)/signature.en.txt") },
            expected: { .missingSignature(language: .en, path: "\($0)/signature.en.txt") }),
    ]

    @Test("bad input is refused with an error to act on", arguments: table)
    func refused(_ input: BadInput) throws {
        let directory = try TemporaryDirectory()
        try Self.write(directory.path, "good.sv.txt", "Hej {{reference}}\n")
        try Self.write(directory.path, "good.en.txt", "Hello {{reference}}\n")
        try Self.write(directory.path, "signature.sv.txt", "Med vänliga hälsningar\n{{staff_name}}\n")
        try Self.write(directory.path, "signature.en.txt", "Kind regards\n{{staff_name}}\n")
        try input.prepare(directory.path)
        let templates = AnswerTemplates(directory: URL(fileURLWithPath: directory.path))
        let values = TemplateValues(
            reference: "K7Q2-M9XD-4T", received: Date(timeIntervalSince1970: 1_795_995_000), staffName: "Anna Andersson", due: input.due)
        let error = try #require(throws: TemplateError.self) {
            try templates.render(input.name, language: input.language, values: values)
        }
        #expect(error == input.expected(directory.path))
        #expect(!error.description.isEmpty)
    }

    @Test("a missing templates directory is named, for rendering and for the listing")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let missing = "\(directory.path)/templates"
        let templates = AnswerTemplates(directory: URL(fileURLWithPath: missing))
        let listing = try #require(throws: TemplateError.self) { try templates.available() }
        #expect(listing == .unreadableDirectory(path: missing, reason: "No such file or directory"))
        let values = TemplateValues(reference: "K7Q2-M9XD-4T", received: Date(), staffName: "Anna Andersson")
        let rendering = try #require(throws: TemplateError.self) { try templates.render("answer", language: .sv, values: values) }
        #expect(rendering == .unreadableDirectory(path: missing, reason: "No such file or directory"))
    }

    @Test("the descriptions say what to do and where")
    func descriptions() {
        let missing = TemplateError.missingLanguage(name: "interim", language: .en, path: "/t/interim.en.txt", existing: [.sv])
        #expect(missing.description.contains("/t/interim.en.txt"))
        #expect(missing.description.contains("Swedish (sv)"))
        let unknown = TemplateError.unknownPlaceholder(path: "/t/answer.sv.txt", line: 7, placeholder: "namn\u{1B}[2J")
        #expect(unknown.description.hasPrefix("/t/answer.sv.txt:7: "))
        #expect(unknown.description.contains("{{staff_name}}"))
        #expect(!unknown.description.contains("\u{1B}"))
        let none = TemplateError.noSuchTemplate(
            name: "svar", directory: "/t", available: [TemplateListing(name: "answer", languages: [.sv, .en])])
        #expect(none.description.contains("answer (sv, en)"))
    }
}
