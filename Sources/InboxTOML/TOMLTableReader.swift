// Reads a TOML table as a schema: each key is asked for by name and kind, and whatever was not
// asked for is reported as an unknown key with its line.
import Foundation

public struct TOMLTableReader {
    public let table: TOMLTable
    /// The table's name as the file writes it (`fields.email`), for messages.
    public let path: String
    /// The document that explains the file (`policy/README.md`), named when a setting is missing.
    public let guide: String
    private var read: Set<String> = []

    public init(_ table: TOMLTable, path: String, guide: String) {
        self.table = table
        self.path = path
        self.guide = guide
    }

    private var name: String { path.isEmpty ? "the top level" : "[\(path)]" }

    public func has(_ key: String) -> Bool { table.entry(key) != nil }

    public mutating func node(_ key: String) throws(TOMLError) -> TOMLNode {
        guard let entry = table.entry(key) else {
            throw TOMLError(table.location, "\(name) is missing `\(key)`", hint: "see \(guide) for what each section needs")
        }
        read.insert(key)
        return entry.node
    }

    public mutating func string(_ key: String) throws(TOMLError) -> (value: String, location: SourceLocation) {
        let node = try node(key)
        guard case .string(let value) = node.value else {
            throw TOMLError(
                node.location, "`\(key)` in \(name) must be a string, not \(node.kind)", hint: "put the value in double quotes")
        }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw TOMLError(node.location, "`\(key)` in \(name) is empty")
        }
        return (value, node.location)
    }

    public mutating func optionalString(_ key: String) throws(TOMLError) -> String? {
        has(key) ? try string(key).value : nil
    }

    public mutating func integer(_ key: String) throws(TOMLError) -> (value: Int, location: SourceLocation) {
        let node = try node(key)
        guard case .integer(let value) = node.value else {
            throw TOMLError(node.location, "`\(key)` in \(name) must be a whole number, not \(node.kind)")
        }
        return (value, node.location)
    }

    public mutating func table(_ key: String) throws(TOMLError) -> TOMLTableReader {
        let node = try node(key)
        guard case .table(let table) = node.value else {
            throw TOMLError(node.location, "`\(key)` in \(name) must be a table, not \(node.kind)")
        }
        return TOMLTableReader(table, path: path.isEmpty ? key : "\(path).\(key)", guide: guide)
    }

    public mutating func array(_ key: String) throws(TOMLError) -> (elements: [TOMLNode], location: SourceLocation) {
        let node = try node(key)
        guard case .array(let elements) = node.value else {
            throw TOMLError(node.location, "`\(key)` in \(name) must be an array, not \(node.kind)", hint: "write [ ... ]")
        }
        return (elements, node.location)
    }

    /// Every key, for sections whose keys are names chosen by the author (purposes, fields).
    public mutating func allKeys() -> [TOMLTable.Entry] {
        for entry in table.entries { read.insert(entry.key) }
        return table.entries
    }

    /// Refuses any key that the schema did not ask for.
    public func finish(known: [String]) throws(TOMLError) {
        if let unknown = table.entries.first(where: { !read.contains($0.key) }) {
            throw TOMLError(
                unknown.keyLocation, "unknown key `\(unknown.key)` in \(name)",
                hint: "the keys of \(name) are: \(known.joined(separator: ", "))")
        }
    }
}

extension TOMLNode {
    /// A string value, or an error naming what was expected.
    public func string(_ what: String) throws(TOMLError) -> String {
        guard case .string(let value) = value else { throw TOMLError(location, "\(what) must be a string, not \(kind)") }
        return value
    }

    public func table(_ what: String, path: String, guide: String) throws(TOMLError) -> TOMLTableReader {
        guard case .table(let table) = value else { throw TOMLError(location, "\(what) must be a table, not \(kind)") }
        return TOMLTableReader(table, path: path, guide: guide)
    }
}
