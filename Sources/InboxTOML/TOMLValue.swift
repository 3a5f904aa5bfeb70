// The values of the TOML subset, each with the place it was written.

/// A parsed value and where it starts in the file.
public struct TOMLNode {
    public enum Value {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case array([TOMLNode])
        case table(TOMLTable)
    }

    public let value: Value
    public let location: SourceLocation

    /// How the value's kind is named in error messages.
    public var kind: String {
        switch value {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "true or false"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

/// A TOML table: its entries in the order written, each key with the place the key was written.
/// A class, because the parser fills tables that it reaches through several paths.
public final class TOMLTable {
    public struct Entry {
        public let key: String
        public let keyLocation: SourceLocation
        public let node: TOMLNode
    }

    /// Where the table was opened (its header, or the first dotted key that made it).
    public let location: SourceLocation
    /// Whether a `[header]` or an inline `{ }` defined it, so that a second definition is refused.
    var isExplicitlyDefined: Bool
    /// Inline tables are closed: no later header or dotted key may add to them.
    let isInline: Bool
    public private(set) var entries: [Entry] = []

    init(location: SourceLocation, isExplicitlyDefined: Bool, isInline: Bool = false) {
        self.location = location
        self.isExplicitlyDefined = isExplicitlyDefined
        self.isInline = isInline
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    func append(_ key: String, at location: SourceLocation, _ node: TOMLNode) {
        entries.append(Entry(key: key, keyLocation: location, node: node))
    }

    /// Replaces the array stored under `key` (arrays of tables grow one `[[header]]` at a time).
    func replaceArray(_ key: String, with elements: [TOMLNode]) {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return }
        let old = entries[index]
        entries[index] = Entry(key: key, keyLocation: old.keyLocation, node: TOMLNode(value: .array(elements), location: old.node.location))
    }
}
