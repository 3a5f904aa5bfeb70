// An invalid policy: where (file, line, column), what is wrong, and how to fix it.

public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    /// What to do about it, when there is something specific to say.
    public let hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        guard let hint else { return "\(location): \(message)" }
        return "\(location): \(message)\n  hint: \(hint)"
    }
}

/// A place in a policy file. Lines and columns count from 1; column 0 means "the whole line".
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
