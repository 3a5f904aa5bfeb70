// Where answers are sent: `--smtp-url` (env INBOX_SMTP_URL), README.md "Answering by email".
// smtp:// must upgrade with STARTTLS, smtps:// speaks TLS from the first byte, and smtp+plain://
// (no TLS at all) is accepted only for a loopback relay, where nothing crosses a network.

public struct SMTPServerAddress: Sendable, Equatable, CustomStringConvertible {
    public enum Security: Sendable, Equatable {
        /// `smtp://`: plain connection that must be upgraded with STARTTLS before anything is sent.
        case startTLS
        /// `smtps://`: TLS from the first byte (RFC 8314).
        case implicitTLS
        /// `smtp+plain://`: no TLS; loopback hosts only.
        case plain
    }

    public let security: Security
    /// A host name or an IP address (IPv6 without its brackets).
    public let host: String
    public let port: Int

    public init(parsing text: String) throws {
        let schemes: [(String, Security, Int)] = [
            ("smtp://", .startTLS, 587), ("smtps://", .implicitTLS, 465), ("smtp+plain://", .plain, 25),
        ]
        guard let (prefix, security, defaultPort) = schemes.first(where: { text.lowercased().hasPrefix($0.0) }) else {
            throw SMTPError(
                .configuration, "the SMTP URL must start with smtp:// (STARTTLS), smtps:// (TLS) or smtp+plain:// (loopback only)")
        }
        var rest = Substring(text.dropFirst(prefix.count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("@") else {
            throw SMTPError(
                .configuration, "the SMTP URL must not carry credentials; put them in the file named by --smtp-credentials-file")
        }
        guard !rest.contains(where: { "/?#".contains($0) }) else {
            throw SMTPError(.configuration, "the SMTP URL takes a host and a port only (smtp://HOST:PORT)")
        }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw SMTPError(.configuration, "the SMTP URL has an unclosed [ in its host")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw SMTPError(.configuration, "the SMTP URL has text after its host: \(after)") }
                portText = after.dropFirst()
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else {
            throw SMTPError(.configuration, "the SMTP URL needs a host name or address (smtp://mail.example.se:587)")
        }
        var port = defaultPort
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw SMTPError(.configuration, "the SMTP URL's port must be a number from 1 to 65535")
            }
            port = number
        }
        self.security = security
        self.host = host.lowercased()
        self.port = port
        if security == .plain && !isLoopback {
            throw SMTPError(
                .configuration,
                "smtp+plain:// sends mail unencrypted and is allowed only to a loopback relay (127.0.0.1, ::1, localhost); use smtp:// or smtps:// for \(self.host)"
            )
        }
    }

    /// Loopback by its name or its address. Other names are not resolved: a name that resolves to
    /// loopback today may not tomorrow.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// Whether `host` is an IP address literal, which TLS cannot send as a server name (SNI).
    var isAddressLiteral: Bool {
        host.contains(":") || host.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }

    public var description: String {
        let scheme =
            switch security {
            case .startTLS: "smtp"
            case .implicitTLS: "smtps"
            case .plain: "smtp+plain"
            }
        return host.contains(":") ? "\(scheme)://[\(host)]:\(port)" : "\(scheme)://\(host):\(port)"
    }
}
