// One reply of an SMTP server (RFC 5321 section 4.2): a three-digit code and one or more lines of
// text. The text comes from the network, so it is kept to printable ASCII before anyone prints it.

public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    /// The text of each line, without the code and separator.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    public var description: String {
        "\(code) \(lines.joined(separator: " / "))"
    }
}
