// The agency's answer templates: `NAME.sv.txt` and `NAME.en.txt` in one directory, with a signature
// per language (`signature.sv.txt`, `signature.en.txt`) added below each. `inbox answer --template`
// renders one into the draft that staff then edit, in the language the case came in.
//
// The signature follows the body after one blank line, not after the "-- " line of mail
// signatures: it holds the closing ("Med vänliga hälsningar", the name, the agency), which is part
// of the letter, and mail programs grey out or strip what follows "-- " when the citizen replies.
public import Foundation
public import InboxStore

public struct AnswerTemplates: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The templates in the directory, by name, each with the languages it is written in. Files
    /// that are not `NAME.LANG.txt` with a valid name and a known language are not templates and are
    /// left out (a README, an editor's backup, the signatures).
    public func available() throws(TemplateError) -> [TemplateListing] {
        var languages: [String: Set<CaseLanguage>] = [:]
        for file in try TemplateFileSystem.names(in: directory.path) {
            guard file.hasSuffix(".txt") else { continue }
            let base = file.dropLast(".txt".count)
            guard let dot = base.lastIndex(of: ".") else { continue }
            let name = String(base[..<dot])
            guard let language = CaseLanguage(rawValue: String(base[base.index(after: dot)...])),
                let template = try? TemplateName(name)
            else { continue }
            languages[template.text, default: []].insert(language)
        }
        return languages.keys.sorted().map { name in
            TemplateListing(name: name, languages: CaseLanguage.allCases.filter { languages[name]?.contains($0) ?? false })
        }
    }

    /// The template `name` in `language` with its placeholders filled, then a blank line and the
    /// signature in the same language; ends with one newline.
    public func render(_ name: String, language: CaseLanguage, values: TemplateValues) throws(TemplateError) -> String {
        let template = try TemplateName(name)
        let bodyPath = path(template.text, language)
        guard let bodyText = try TemplateFileSystem.text(at: bodyPath) else {
            throw try missing(template, language: language, path: bodyPath)
        }
        let signaturePath = path(TemplateName.signature, language)
        guard let signatureText = try TemplateFileSystem.text(at: signaturePath) else {
            throw .missingSignature(language: language, path: signaturePath)
        }
        let body = try TemplateDocument(path: bodyPath, text: bodyText)
        let signature = try TemplateDocument(path: signaturePath, text: signatureText)
        let parts = [try body.render(values, language: language), try signature.render(values, language: language)]
            .map(Self.withoutBlankEdges)
            .filter { !$0.isEmpty }
        return parts.joined(separator: "\n\n") + "\n"
    }

    func path(_ name: String, _ language: CaseLanguage) -> String {
        directory.appendingPathComponent("\(name).\(language.rawValue).txt").path
    }

    /// The error for a template file that is not there: the languages it exists in, or, when none,
    /// the templates there are.
    private func missing(_ template: TemplateName, language: CaseLanguage, path: String) throws(TemplateError) -> TemplateError {
        let listing = try available()
        guard let existing = listing.first(where: { $0.name == template.text }) else {
            return .noSuchTemplate(name: template.text, directory: directory.path, available: listing)
        }
        return .missingLanguage(name: template.text, language: language, path: path, existing: existing.languages)
    }

    /// Without blank lines before the first line of text or after the last, and without the final
    /// line break: the parts are joined by exactly one blank line however their files end.
    static func withoutBlankEdges(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
