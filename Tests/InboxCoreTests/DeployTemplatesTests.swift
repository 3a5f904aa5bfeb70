// The example templates in deploy/templates are what an installation starts from: each must render
// in both languages with every value given, and leave no placeholder behind.
import Foundation
import InboxCore
import InboxStore
import Testing

@Suite("deployed templates")
struct DeployTemplatesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/templates")
    static let values = TemplateValues(
        reference: "K7Q2-M9XD-4T", received: Date(timeIntervalSince1970: 1_795_995_000), staffName: "Anna Andersson",
        due: Date(timeIntervalSince1970: 1_797_249_600))

    @Test("the examples are answer, interim and forwarded, each in Swedish and English")
    func listing() throws {
        let listing = try AnswerTemplates(directory: Self.directory).available()
        #expect(listing.map(\.name) == ["answer", "forwarded", "interim"])
        #expect(listing.allSatisfy { $0.languages == [.sv, .en] })
    }

    @Test("every file in deploy/templates is a template or a signature")
    func everyFileIsUsed() throws {
        let listing = try AnswerTemplates(directory: Self.directory).available()
        let used = Set(
            listing.flatMap { template in template.languages.map { "\(template.name).\($0.rawValue).txt" } }
                + CaseLanguage.allCases.map { "signature.\($0.rawValue).txt" })
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)) == used)
    }

    @Test("every example renders in both languages with every value given")
    func rendersEverything() throws {
        let templates = AnswerTemplates(directory: Self.directory)
        for template in try templates.available() {
            for language in CaseLanguage.allCases {
                let text = try templates.render(template.name, language: language, values: Self.values)
                #expect(!text.contains("{{"), "\(template.name).\(language.rawValue)")
                #expect(text.contains("Anna Andersson"), "\(template.name).\(language.rawValue): the signature names the staff member")
                #expect(text.contains("K7Q2-M9XD-4T"), "\(template.name).\(language.rawValue): the reference")
            }
        }
    }

    @Test("the interim reply says when the question came and when an answer can be expected")
    func interim() throws {
        let templates = AnswerTemplates(directory: Self.directory)
        let swedish = try templates.render("interim", language: .sv, values: Self.values)
        #expect(swedish.contains("30 november 2026") && swedish.contains("14 december 2026"))
        let english = try templates.render("interim", language: .en, values: Self.values)
        #expect(english.contains("30 November 2026") && english.contains("14 December 2026"))
        var withoutDue = Self.values
        withoutDue.due = nil
        #expect(throws: TemplateError.self) { try templates.render("interim", language: .sv, values: withoutDue) }
    }
}
