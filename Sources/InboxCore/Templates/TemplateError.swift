// Why a template could not be used, said so that the person at the terminal can act: which file,
// which line, what to write instead. Template files are written by the agency, but a name is typed
// by staff and a placeholder may be misspelt, so whatever of them is echoed is made terminal-safe.
public import InboxStore

public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not `[a-z0-9][a-z0-9-]{0,63}`.
    case invalidName(String)
    /// `signature` names the signature files.
    case signatureIsNotATemplate
    /// No file of this name in any language.
    case noSuchTemplate(name: String, directory: String, available: [TemplateListing])
    /// The template exists, but not in the case's language.
    case missingLanguage(name: String, language: CaseLanguage, path: String, existing: [CaseLanguage])
    case missingSignature(language: CaseLanguage, path: String)
    case symbolicLink(path: String)
    /// A directory, a named pipe, a device: anything but a regular file.
    case notARegularFile(path: String)
    case tooLarge(path: String, limit: Int)
    case notUTF8(path: String)
    case unreadable(path: String, reason: String)
    case unreadableDirectory(path: String, reason: String)
    case unknownPlaceholder(path: String, line: Int, placeholder: String)
    /// `{{` without `}}` on the same line.
    case unclosedPlaceholder(path: String, line: Int)
    /// The template uses `{{due}}` and no due date was given.
    case dueDateMissing(path: String, line: Int)

    public var description: String {
        switch self {
        case .invalidName(let name) where name.isEmpty:
            "the template name is empty; \(Self.nameRule)"
        case .invalidName(let name):
            "\"\(Self.safe(name))\" is not a template name; \(Self.nameRule)"
        case .signatureIsNotATemplate:
            "`signature` is the signature added below every template, not a template of its own"
        case .noSuchTemplate(let name, let directory, let available) where available.isEmpty:
            "there is no template `\(name)`: \(directory) holds no templates (NAME.sv.txt, NAME.en.txt)"
        case .noSuchTemplate(let name, let directory, let available):
            "there is no template `\(name)` in \(directory); the templates are: "
                + available.map(\.description).joined(separator: ", ")
        case .missingLanguage(let name, let language, let path, let existing):
            "the template `\(name)` has no \(Self.languageName(language)) version (\(path)); it is written in "
                + existing.map { "\(Self.languageName($0)) (\($0.rawValue))" }.joined(separator: " and ")
                + "; write the \(Self.languageName(language)) version, or answer without the template"
        case .missingSignature(let language, let path):
            "there is no \(Self.languageName(language)) signature: write \(path) (an empty file for none)"
        case .symbolicLink(let path):
            "\(path) is a symbolic link, which is refused: put the file itself in the templates directory"
        case .notARegularFile(let path):
            "\(path) is not a regular file"
        case .tooLarge(let path, let limit):
            "\(path) is larger than \(limit / 1024) KiB, more than any answer needs; shorten it"
        case .notUTF8(let path):
            "\(path) is not UTF-8 text; save it as UTF-8"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .unreadableDirectory(let path, let reason):
            "cannot read the templates directory \(path): \(reason); check the templates-dir setting"
        case .unknownPlaceholder(let path, let line, let placeholder):
            "\(path):\(line): unknown placeholder {{\(Self.safe(placeholder))}}; the placeholders are "
                + TemplatePlaceholder.allCases.map(\.written).joined(separator: ", ")
        case .unclosedPlaceholder(let path, let line):
            "\(path):\(line): `{{` is not closed by `}}` on the same line"
        case .dueDateMissing(let path, let line):
            "\(path):\(line): the template uses {{due}}, the date an answer can be expected, and no such date was given"
        }
    }

    static let nameRule = "a name is 1 to 64 lowercase letters a–z, digits and hyphens, starting with a letter or digit (`interim`)"

    static func languageName(_ language: CaseLanguage) -> String {
        switch language {
        case .sv: "Swedish"
        case .en: "English"
        }
    }

    /// Echoed text, escaped and cut short: it may be anything a person typed.
    static func safe(_ text: String) -> String {
        let shown = text.count > 40 ? "\(text.prefix(40))…" : text
        return TerminalSafeText.render(shown)
    }
}
