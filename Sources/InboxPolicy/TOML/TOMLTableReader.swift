// Reads a TOML table as a schema: each key is asked for by name and kind, and whatever was not
// asked for is reported as an unknown key with its line.
import Foundation

struct TOMLTableReader {
    let table: TOMLTable
    /// The table's name as the policy file writes it (`fields.email`), for messages.
    let path: String
    private var read: Set<String> = []

    init(_ table: TOMLTable, path: String) {
        self.table = table
        self.path = path
    }

    private var name: String { path.isEmpty ? "the top level" : "[\(path)]" }

    func has(_ key: String) -> Bool { table.entry(key) != nil }

    mutating func node(_ key: String) throws(PolicyError) -> TOMLNode {
        guard let entry = table.entry(key) else {
            throw PolicyError(table.location, "\(name) is missing `\(key)`", hint: "see policy/README.md for what each section needs")
        }
        read.insert(key)
        return entry.node
    }

    mutating func string(_ key: String) throws(PolicyError) -> (value: String, location: SourceLocation) {
        let node = try node(key)
        guard case .string(let value) = node.value else {
            throw PolicyError(
                node.location, "`\(key)` in \(name) must be a string, not \(node.kind)", hint: "put the value in double quotes")
        }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PolicyError(node.location, "`\(key)` in \(name) is empty")
        }
        return (value, node.location)
    }

    mutating func optionalString(_ key: String) throws(PolicyError) -> String? {
        has(key) ? try string(key).value : nil
    }

    mutating func integer(_ key: String) throws(PolicyError) -> (value: Int, location: SourceLocation) {
        let node = try node(key)
        guard case .integer(let value) = node.value else {
            throw PolicyError(node.location, "`\(key)` in \(name) must be a whole number, not \(node.kind)")
        }
        return (value, node.location)
    }

    mutating func table(_ key: String) throws(PolicyError) -> TOMLTableReader {
        let node = try node(key)
        guard case .table(let table) = node.value else {
            throw PolicyError(node.location, "`\(key)` in \(name) must be a table, not \(node.kind)")
        }
        return TOMLTableReader(table, path: path.isEmpty ? key : "\(path).\(key)")
    }

    mutating func array(_ key: String) throws(PolicyError) -> (elements: [TOMLNode], location: SourceLocation) {
        let node = try node(key)
        guard case .array(let elements) = node.value else {
            throw PolicyError(node.location, "`\(key)` in \(name) must be an array, not \(node.kind)", hint: "write [ ... ]")
        }
        return (elements, node.location)
    }

    /// Every key, for sections whose keys are names chosen by the author (purposes, fields).
    mutating func allKeys() -> [TOMLTable.Entry] {
        for entry in table.entries { read.insert(entry.key) }
        return table.entries
    }

    /// Refuses any key that the schema did not ask for.
    func finish(known: [String]) throws(PolicyError) {
        if let unknown = table.entries.first(where: { !read.contains($0.key) }) {
            throw PolicyError(
                unknown.keyLocation, "unknown key `\(unknown.key)` in \(name)",
                hint: "the keys of \(name) are: \(known.joined(separator: ", "))")
        }
    }
}

extension TOMLNode {
    /// A string value, or an error naming what was expected.
    func string(_ what: String) throws(PolicyError) -> String {
        guard case .string(let value) = value else { throw PolicyError(location, "\(what) must be a string, not \(kind)") }
        return value
    }

    func table(_ what: String, path: String) throws(PolicyError) -> TOMLTableReader {
        guard case .table(let table) = value else { throw PolicyError(location, "\(what) must be a table, not \(kind)") }
        return TOMLTableReader(table, path: path)
    }
}
