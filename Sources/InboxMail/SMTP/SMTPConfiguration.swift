// How to reach the relay: its address, the optional credentials and private CA, and the limits a
// staff member would otherwise wait out.
public import NIOCore

public struct SMTPConfiguration: Sendable {
    public var server: SMTPServerAddress
    public var credentials: SMTPCredentials?
    /// PEM file of the CA that signed the relay's certificate; when set, it is the only CA trusted.
    public var caFile: String?
    /// The name this host gives in EHLO.
    public var clientName: String
    public var connectTimeout: TimeAmount = .seconds(15)
    /// RFC 5321 section 4.5.3.2 suggests minutes; a person waits at the terminal, so less.
    public var replyTimeout: TimeAmount = .seconds(60)

    public init(server: SMTPServerAddress, credentials: SMTPCredentials? = nil, caFile: String? = nil, clientName: String) {
        self.server = server
        self.credentials = credentials
        self.caFile = caFile
        self.clientName = clientName
    }
}
