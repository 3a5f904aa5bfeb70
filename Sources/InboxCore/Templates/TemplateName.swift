// A template's name as staff type it (`inbox answer --template interim`), checked before it comes
// near a path: lowercase letters, digits and hyphens only, so that no name can climb out of the
// templates directory (`../x`), hide (`.x`), or name another kind of file.

public struct TemplateName: Sendable, Equatable, CustomStringConvertible {
    /// The name of the signature files, which are not a template of their own.
    public static let signature = "signature"
    public static let maximumLength = 64

    public let text: String

    /// `[a-z0-9][a-z0-9-]{0,63}`; `signature` is refused as a template.
    public init(_ text: String) throws(TemplateError) {
        guard Self.isValid(text) else { throw .invalidName(text) }
        guard text != Self.signature else { throw .signatureIsNotATemplate }
        self.text = text
    }

    public var description: String { text }

    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isLetterOrDigit(first) else { return false }
        return bytes.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
