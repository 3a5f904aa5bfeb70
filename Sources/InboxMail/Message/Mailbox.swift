// A sender as it appears in From: an optional display name and an address, parsed from
// `--mail-from` ("Kommunens registratur <registrator@kommun.se>" or a bare address).

public struct Mailbox: Sendable, Equatable {
    public let displayName: String?
    public let address: MailAddress

    public init(displayName: String?, address: MailAddress) {
        self.displayName = displayName
        self.address = address
    }

    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            self.init(displayName: nil, address: try MailAddress(parsing: trimmed))
            return
        }
        let address = try MailAddress(parsing: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
        var name = trimmed[..<open].trimmingWhitespace()
        if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\"" || $0 == "\\" }) else {
            throw SMTPError(.invalidMessage, "the sender's display name contains a line break, a control character, a quote or a backslash")
        }
        self.init(displayName: name.isEmpty ? nil : name, address: address)
    }

    /// The From header's value: the name as atoms, a quoted string, or encoded words (RFC 2047)
    /// when it is not ASCII.
    var headerValue: String {
        guard let displayName else { return address.description }
        if displayName.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let atomic = displayName.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == " " || "!#$%&'*+/=?^_`{|}~-".unicodeScalars.contains($0)
            }
            return atomic ? "\(displayName) <\(address)>" : "\"\(displayName)\" <\(address)>"
        }
        return "\(EncodedWord.encode(displayName, firstLineUsed: "From: ".count)) <\(address)>"
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
