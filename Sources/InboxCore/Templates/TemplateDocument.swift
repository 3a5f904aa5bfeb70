// A template or signature file, parsed: literal text and placeholders, each placeholder with its
// line. The whole file is checked when it is read, so a mistake on line 20 is reported even when the
// template would fail earlier for a missing value; and values are inserted in one pass, never
// parsed again, so a name or reference that contains `{{` stays as it is.
import Foundation
import InboxStore

struct TemplateDocument {
    enum Piece: Equatable {
        case text(String)
        case placeholder(TemplatePlaceholder, line: Int)
    }

    let path: String
    let pieces: [Piece]

    /// Parses `text`; lines count from 1. A placeholder is closed on its own line; spaces inside
    /// the braces are allowed (`{{ reference }}`); there is no escape, since a letter needs no `{{`.
    init(path: String, text: String) throws(TemplateError) {
        var pieces: [Piece] = []
        var literal = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            if index > 0 { literal += "\n" }
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                literal += rest[..<open.lowerBound]
                let inside = rest[open.upperBound...]
                guard let close = inside.range(of: "}}") else { throw .unclosedPlaceholder(path: path, line: lineNumber) }
                let name = inside[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                guard let placeholder = TemplatePlaceholder(rawValue: name) else {
                    throw .unknownPlaceholder(path: path, line: lineNumber, placeholder: name)
                }
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.placeholder(placeholder, line: lineNumber))
                rest = inside[close.upperBound...]
            }
            literal += rest
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        self.path = path
        self.pieces = pieces
    }

    /// The text with every placeholder replaced; dates as Stockholm days in `language`.
    func render(_ values: TemplateValues, language: CaseLanguage) throws(TemplateError) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                result += text
            case .placeholder(.reference, _):
                result += values.reference
            case .placeholder(.received, _):
                result += StockholmDate(values.received).written(in: language)
            case .placeholder(.staffName, _):
                result += values.staffName
            case .placeholder(.due, let line):
                guard let due = values.due else { throw .dueDateMissing(path: path, line: line) }
                result += StockholmDate(due).written(in: language)
            }
        }
        return result
    }
}
