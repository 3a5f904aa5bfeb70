// Every way sending can fail, as one error with a code (so callers can tell a refused recipient
// from a broken connection) and a message a staff member can act on.

public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The settings are wrong (URL, sender, credentials file, CA file); nothing was attempted.
        case configuration
        /// The server could not be reached, or the connection was lost.
        case connection
        /// The server did not answer in time.
        case timeout
        /// The TLS handshake or certificate check failed.
        case tls
        /// The server lacks something the message needs (STARTTLS, AUTH, SMTPUTF8).
        case unsupported
        /// The server answered outside the protocol (malformed or unrequested replies).
        case protocolViolation
        /// The server refused a step with a 4xx or 5xx reply.
        case rejected
        /// The message is larger than the server accepts (its SIZE limit).
        case messageTooLarge
        /// The message itself cannot be written (an address or header value that would inject).
        case invalidMessage
    }

    public let code: Code
    public let message: String
    /// The server's reply, when it refused something.
    public let reply: SMTPReply?

    public init(_ code: Code, _ message: String, reply: SMTPReply? = nil) {
        self.code = code
        self.message = message
        self.reply = reply
    }

    /// A 4xx refusal: the same message may be accepted later.
    public var isTransient: Bool { reply.map { (400..<500).contains($0.code) } ?? (code == .connection || code == .timeout) }

    public var description: String {
        guard let reply else { return message }
        return "\(message): \(reply) (\(isTransient ? "temporary; try again later" : "permanent"))"
    }
}
