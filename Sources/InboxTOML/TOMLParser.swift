// A strict parser for the subset of TOML 1.0 that the policy and the configuration file use:
// tables, arrays of tables, dotted keys, strings (basic, literal, multi-line basic), integers,
// booleans, arrays and inline tables. Floats and dates are refused: a policy writes durations as
// strings ("30 days").
//
// Every value keeps its line and column, which TOML libraries report only for syntax errors; the
// validation of each file (TOMLTableReader) needs them to name the line of an unknown key or a bad
// value.
import Foundation

public struct TOMLParser {
    private let file: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// How deep arrays and inline tables nest at this point. A policy needs two levels (the
    /// retention rules: an array of inline tables); a limit keeps a file of ten thousand `[` from
    /// exhausting the stack (found by the policy fuzzer).
    private var depth = 0
    static let maximumDepth = 8
    private var line = 1
    private var lineStart = 0

    init(file: String, text: String) {
        self.file = file
        self.scalars = Array(text.unicodeScalars)
    }

    public static func parse(file: String, text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(file: file, text: text)
        return try parser.parseDocument()
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: index - lineStart + 1) }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if current == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    private func error(_ message: String, hint: String? = nil, at location: SourceLocation? = nil) -> TOMLError {
        TOMLError(location ?? self.location, message, hint: hint)
    }

    // MARK: Document structure

    private mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = TOMLTable(location: SourceLocation(file: file, line: 1, column: 1), isExplicitlyDefined: true)
        var table = root
        while true {
            skipWhitespaceCommentsAndNewlines()
            guard let character = current else { break }
            if character == "[" {
                table = try parseHeader(root: root)
            } else {
                try parseKeyValue(into: table)
            }
            try expectEndOfLine()
        }
        return root
    }

    /// `[a.b]` or `[[a.b]]`: returns the table that the following key/value lines fill.
    private mutating func parseHeader(root: TOMLTable) throws(TOMLError) -> TOMLTable {
        let start = location
        advance()
        let isArray = current == "["
        if isArray { advance() }
        skipSpaces()
        let keys = try parseKeyPath()
        skipSpaces()
        guard current == "]" else { throw error("expected `]` to close the table header") }
        advance()
        if isArray {
            guard current == "]" else { throw error("expected `]]` to close the array-of-tables header") }
            advance()
        }

        var table = root
        for (position, key) in keys.dropLast().enumerated() {
            table = try descend(into: table, key: key.name, at: key.location, path: keys[...position].map(\.name))
        }
        guard let last = keys.last else { throw error("expected a key") }
        let path = keys.map(\.name).joined(separator: ".")
        if isArray {
            let element = TOMLTable(location: start, isExplicitlyDefined: true)
            let node = TOMLNode(value: .table(element), location: start)
            if let existing = table.entry(last.name) {
                guard case .array(let elements) = existing.node.value,
                    elements.allSatisfy({ if case .table = $0.value { true } else { false } })
                else {
                    throw error(
                        "`\(path)` is already defined as \(existing.node.kind) at line \(existing.keyLocation.line)", at: last.location)
                }
                table.replaceArray(last.name, with: elements + [node])
            } else {
                table.append(last.name, at: last.location, TOMLNode(value: .array([node]), location: start))
            }
            return element
        }
        if let existing = table.entry(last.name) {
            guard case .table(let existingTable) = existing.node.value, !existingTable.isExplicitlyDefined, !existingTable.isInline else {
                throw error(
                    "[\(path)] is defined twice (first at line \(existing.keyLocation.line))", hint: "merge the two sections", at: start)
            }
            existingTable.isExplicitlyDefined = true
            return existingTable
        }
        let created = TOMLTable(location: start, isExplicitlyDefined: true)
        table.append(last.name, at: last.location, TOMLNode(value: .table(created), location: start))
        return created
    }

    /// Follows `key` from `table` for a header or dotted key, creating an implicit table if needed.
    /// For an array of tables, the path continues in its last element.
    private func descend(into table: TOMLTable, key: String, at location: SourceLocation, path: [String]) throws(TOMLError) -> TOMLTable {
        if let existing = table.entry(key) {
            switch existing.node.value {
            case .table(let child) where !child.isInline:
                return child
            case .array(let elements):
                if let last = elements.last, case .table(let child) = last.value, !child.isInline { return child }
                fallthrough
            default:
                throw error(
                    "`\(path.joined(separator: "."))` is \(existing.node.kind) (line \(existing.keyLocation.line)), not a table",
                    at: location)
            }
        }
        let created = TOMLTable(location: location, isExplicitlyDefined: false)
        table.append(key, at: location, TOMLNode(value: .table(created), location: location))
        return created
    }

    /// `key = value`, where key may be dotted.
    private mutating func parseKeyValue(into table: TOMLTable) throws(TOMLError) {
        let keys = try parseKeyPath()
        skipSpaces()
        guard current == "=" else {
            throw error("expected `=` after the key `\(keys.map(\.name).joined(separator: "."))`", hint: "write `key = value`")
        }
        advance()
        skipSpaces()
        let value = try parseValue()
        var target = table
        for (position, key) in keys.dropLast().enumerated() {
            target = try descend(into: target, key: key.name, at: key.location, path: keys[...position].map(\.name))
        }
        guard let last = keys.last else { throw error("expected a key") }
        if let existing = target.entry(last.name) {
            throw error(
                "`\(keys.map(\.name).joined(separator: "."))` is set twice (first at line \(existing.keyLocation.line))",
                hint: "remove one of them", at: last.location)
        }
        target.append(last.name, at: last.location, value)
    }

    private mutating func parseKeyPath() throws(TOMLError) -> [(name: String, location: SourceLocation)] {
        var keys: [(name: String, location: SourceLocation)] = []
        while true {
            skipSpaces()
            let start = location
            keys.append((try parseKey(), start))
            skipSpaces()
            guard current == "." else { return keys }
            advance()
        }
    }

    private mutating func parseKey() throws(TOMLError) -> String {
        switch current {
        case "\"":
            return try parseBasicString()
        case "'":
            return try parseLiteralString()
        default:
            var key = ""
            while let character = current, Self.isBareKeyCharacter(character) {
                key.unicodeScalars.append(character)
                advance()
            }
            guard !key.isEmpty else {
                throw error("expected a key", hint: "keys are letters, digits, `_` and `-`, or a quoted string")
            }
            return key
        }
    }

    private static func isBareKeyCharacter(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character) || ("0"..."9").contains(character)
            || character == "_" || character == "-"
    }

    // MARK: Values

    private mutating func parseValue() throws(TOMLError) -> TOMLNode {
        let start = location
        switch current {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" {
                return TOMLNode(value: .string(try parseMultilineBasicString()), location: start)
            }
            return TOMLNode(value: .string(try parseBasicString()), location: start)
        case "'":
            if peek(1) == "'" && peek(2) == "'" {
                throw error("multi-line literal strings are not supported in a policy file", hint: "use \"\"\" instead")
            }
            return TOMLNode(value: .string(try parseLiteralString()), location: start)
        case "[":
            try enterContainer()
            defer { depth -= 1 }
            return TOMLNode(value: .array(try parseArray()), location: start)
        case "{":
            try enterContainer()
            defer { depth -= 1 }
            return TOMLNode(value: .table(try parseInlineTable()), location: start)
        case "t", "f":
            return TOMLNode(value: .boolean(try parseBoolean()), location: start)
        case let character? where ("0"..."9").contains(character) || character == "-" || character == "+":
            return TOMLNode(value: .integer(try parseInteger()), location: start)
        case nil, "\n", "#":
            throw error("expected a value after `=`")
        default:
            throw error("expected a value: a \"string\", a number, true or false, [an array] or { a table }")
        }
    }

    private mutating func enterContainer() throws(TOMLError) {
        guard depth < Self.maximumDepth else {
            throw error("arrays and tables nest more than \(Self.maximumDepth) deep", hint: "a policy needs two levels at most")
        }
        depth += 1
    }

    private mutating func parseBasicString() throws(TOMLError) -> String {
        advance()
        var value = ""
        while true {
            guard let character = current, character != "\n" else {
                throw error(
                    "the string is not closed on this line", hint: "add the closing `\"`, or use \"\"\" for text over several lines")
            }
            advance()
            if character == "\"" { return value }
            if character == "\\" {
                value.unicodeScalars.append(try parseEscape())
            } else {
                try checkControl(character)
                value.unicodeScalars.append(character)
            }
        }
    }

    private mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        advance()
        advance()
        advance()
        // A newline right after the opening quotes is not part of the string.
        if current == "\n" { advance() }
        var value = ""
        while true {
            guard let character = current else { throw error("the multi-line string is not closed", hint: "add the closing \"\"\"") }
            if character == "\"" && peek(1) == "\"" && peek(2) == "\"" {
                advance()
                advance()
                advance()
                return value
            }
            advance()
            if character == "\\" {
                if current == "\n" || current == " " || current == "\t" {
                    // A line-ending backslash joins lines, dropping the whitespace that follows.
                    while let next = current, next == "\n" || next == " " || next == "\t" { advance() }
                } else {
                    value.unicodeScalars.append(try parseEscape())
                }
            } else {
                if character != "\n" { try checkControl(character) }
                value.unicodeScalars.append(character)
            }
        }
    }

    private mutating func parseLiteralString() throws(TOMLError) -> String {
        advance()
        var value = ""
        while true {
            guard let character = current, character != "\n" else {
                throw error("the string is not closed on this line", hint: "add the closing `'`")
            }
            advance()
            if character == "'" { return value }
            try checkControl(character)
            value.unicodeScalars.append(character)
        }
    }

    private mutating func parseEscape() throws(TOMLError) -> Unicode.Scalar {
        let start = location
        guard let character = current else { throw error("the string ends inside an escape") }
        advance()
        switch character {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u", "U":
            let count = character == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<count {
                guard let digit = current, digit.properties.isASCIIHexDigit else {
                    throw error("\\\(character) needs \(count) hexadecimal digits", at: start)
                }
                hex.unicodeScalars.append(digit)
                advance()
            }
            guard let value = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else {
                throw error("\\\(character)\(hex) is not a Unicode scalar value", at: start)
            }
            return value
        default:
            throw error("unknown escape `\\\(character)`", hint: "use \\\\ for a backslash", at: start)
        }
    }

    private func checkControl(_ character: Unicode.Scalar) throws(TOMLError) {
        if character.value < 0x20 && character != "\t" || character.value == 0x7F {
            throw error("a control character (U+\(String(character.value, radix: 16, uppercase: true))) is not allowed in a string")
        }
    }

    private mutating func parseBoolean() throws(TOMLError) -> Bool {
        for (word, value) in [("true", true), ("false", false)] where matches(word) {
            for _ in word.unicodeScalars { advance() }
            return value
        }
        throw error("expected true or false", hint: "strings need quotes: \"like this\"")
    }

    private func matches(_ word: String) -> Bool {
        for (offset, character) in word.unicodeScalars.enumerated() where peek(offset) != character { return false }
        if let after = peek(word.unicodeScalars.count), Self.isBareKeyCharacter(after) { return false }
        return true
    }

    private mutating func parseInteger() throws(TOMLError) -> Int {
        let start = location
        var text = ""
        while let character = current,
            !(character == "," || character == "]" || character == "}" || character == " " || character == "\t"
                || character == "\n" || character == "#" || character == "\r")
        {
            text.unicodeScalars.append(character)
            advance()
        }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__"), let value = Int(digits) else {
            if text.contains(".") || text.lowercased().contains("e") {
                throw error("`\(text)` is not supported here: a policy uses whole numbers", at: start)
            }
            if text.contains(":") || text.dropFirst().contains("-") {
                throw error(
                    "dates and times are not supported in a policy file", hint: "write durations as strings, such as \"30 days\"", at: start
                )
            }
            throw error("`\(text)` is not a number", hint: "strings need quotes: \"like this\"", at: start)
        }
        return value
    }

    private mutating func parseArray() throws(TOMLError) -> [TOMLNode] {
        advance()
        var elements: [TOMLNode] = []
        while true {
            skipWhitespaceCommentsAndNewlines()
            if current == "]" {
                advance()
                return elements
            }
            elements.append(try parseValue())
            skipWhitespaceCommentsAndNewlines()
            if current == "," {
                advance()
            } else if current != "]" {
                throw error("expected `,` or `]` in the array")
            }
        }
    }

    private mutating func parseInlineTable() throws(TOMLError) -> TOMLTable {
        let table = TOMLTable(location: location, isExplicitlyDefined: true, isInline: true)
        advance()
        skipSpaces()
        if current == "}" {
            advance()
            return table
        }
        while true {
            skipSpaces()
            try parseKeyValue(into: table)
            skipSpaces()
            if current == "}" {
                advance()
                return table
            }
            guard current == "," else { throw error("expected `,` or `}` in the inline table", hint: "an inline table stays on one line") }
            advance()
        }
    }

    // MARK: Whitespace

    private mutating func skipSpaces() {
        while current == " " || current == "\t" { advance() }
    }

    private mutating func skipComment() {
        if current == "#" {
            while let character = current, character != "\n" { advance() }
        }
    }

    private mutating func skipWhitespaceCommentsAndNewlines() {
        while true {
            skipSpaces()
            skipComment()
            if current == "\r" && peek(1) == "\n" { advance() }
            guard current == "\n" else { return }
            advance()
        }
    }

    /// After a key/value or a header only spaces and a comment may follow on the line.
    private mutating func expectEndOfLine() throws(TOMLError) {
        skipSpaces()
        skipComment()
        if current == "\r" && peek(1) == "\n" { advance() }
        guard current == nil || current == "\n" else {
            throw error("unexpected text after the value", hint: "put one `key = value` on each line")
        }
    }
}
