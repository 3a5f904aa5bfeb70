// An addr-spec (RFC 5322 section 3.4.1) in the dot-atom form, checked again at the moment it is
// written into an envelope or a header: whatever produced it, an address that could carry a line
// break, a second address or a comment never reaches the wire.

public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public let localPart: String
    public let domain: String

    /// RFC 5321's limit on a path, less its angle brackets.
    static let maximumOctets = 254

    public init(parsing text: String) throws {
        guard text.utf8.count <= Self.maximumOctets else { throw Self.invalid("is longer than \(Self.maximumOctets) octets") }
        guard !text.unicodeScalars.contains(where: Self.isForbidden) else {
            throw Self.invalid("contains a space, a line break or another control character")
        }
        guard let at = text.lastIndex(of: "@") else { throw Self.invalid("has no @") }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard Self.isDotAtom(local), local.utf8.count <= 64 else { throw Self.invalid("has a local part that is not a plain dot-atom") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ label in
                !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                    && label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
            })
        else { throw Self.invalid("has a domain that is not a host name") }
        self.localPart = String(local)
        self.domain = String(domain)
    }

    public var description: String { "\(localPart)@\(domain)" }

    /// Non-ASCII addresses (RFC 6531) can only be sent where the server offers SMTPUTF8.
    public var isASCII: Bool { description.utf8.allSatisfy { $0 < 0x80 } }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return scalar.properties.isWhitespace || category == .control || category == .format || category == .lineSeparator
            || category == .paragraphSeparator
    }

    /// atext (RFC 5322 section 3.2.3), plus letters and digits of any script (RFC 6532).
    private static func isDotAtom(_ text: Substring) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty
                && atom.unicodeScalars.allSatisfy { scalar in
                    scalar.value > 0x7F
                        ? scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        : (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                            || "!#$%&'*+/=?^_`{|}~-".unicodeScalars.contains(scalar))
                }
        }
    }

    private static func invalid(_ what: String) -> SMTPError {
        SMTPError(.invalidMessage, "the email address \(what)")
    }
}
