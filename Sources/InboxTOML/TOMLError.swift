// A file that does not say what it must: where (file, line, column), what is wrong, and how to fix
// it. The TOML reader reports every mistake this way, in syntax and in schema alike, so that the
// policy and the configuration file name the line of an unknown key or a bad value the same way.

public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
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
