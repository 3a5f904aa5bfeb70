// A web origin (RFC 6454): scheme, host and port, as a browser sends it in `Origin` and as an
// operator names an agency's site with `--allowed-origin`. Compared in its serialised form, which
// is what the browser sends: lower-case scheme and host, the port only when it is not the default.

public struct WebOrigin: Sendable, Hashable, CustomStringConvertible {
    /// "https://www.agency.example" or "http://127.0.0.1:8090".
    public let serialized: String

    /// Parses an origin as a browser serialises it; an operator's trailing slash is forgiven. Nil
    /// for anything else: a path, a query, user information, another scheme, or "null".
    public init?(parsing text: String, forgivingTrailingSlash: Bool = false) {
        var text = Substring(text)
        if forgivingTrailingSlash, text.hasSuffix("/") { text = text.dropLast() }
        let scheme: String
        if text.lowercased().hasPrefix("https://") {
            scheme = "https"
        } else if text.lowercased().hasPrefix("http://") {
            scheme = "http"
        } else {
            return nil
        }
        let authority = text.dropFirst(scheme.count + 3).lowercased()
        guard authority.utf8.count <= 255 else { return nil }
        var host = Substring(authority)
        var port: Int?
        // The port follows the last colon, unless that colon is inside an IPv6 literal.
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let digits = authority[authority.index(after: colon)...]
            guard digits.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(digits), (1...65535).contains(number),
                digits.first != "0"
            else {
                return nil
            }
            host = authority[..<colon]
            port = number
        }
        guard Self.isHost(host) else { return nil }
        // The default port is never part of a serialised origin.
        if let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) {
            serialized = "\(scheme)://\(host):\(port)"
        } else {
            serialized = "\(scheme)://\(host)"
        }
    }

    /// A DNS name or IPv4 address of ASCII letters, digits, dots and hyphens (no empty label), or
    /// an IPv6 literal in brackets.
    private static func isHost(_ host: Substring) -> Bool {
        if host.hasPrefix("[") {
            let inner = host.dropFirst().dropLast()
            return host.hasSuffix("]") && !inner.isEmpty
                && inner.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return !host.isEmpty
            && labels.allSatisfy { label in
                !label.isEmpty
                    && label.unicodeScalars.allSatisfy {
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                    }
            }
    }

    public var description: String { serialized }

    /// "https" or "http".
    public var scheme: Substring { serialized.prefix { $0 != ":" } }

    /// The host without the port: "www.agency.example", "[::1]".
    public var hostname: Substring {
        let authority = serialized.dropFirst(scheme.count + 3)
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return authority[...end] }
        return authority.prefix { $0 != ":" }
    }
}
