// Our SMTP client (RFC 5321) on SwiftNIO: one connection per message, one command at a time.
// EHLO; STARTTLS where the URL demands it (never falling back to plain text); AUTH PLAIN or LOGIN
// when credentials are configured; SIZE checked before the message is sent; 8BITMIME and SMTPUTF8
// used only when offered; the message dot-stuffed after DATA. Any refusal or broken connection is
// an SMTPError, and then nothing has been delivered by us.
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    let group: any EventLoopGroup

    public init(configuration: SMTPConfiguration) {
        self.init(configuration: configuration, group: MultiThreadedEventLoopGroup.singleton)
    }

    init(configuration: SMTPConfiguration, group: any EventLoopGroup) {
        self.configuration = configuration
        self.group = group
    }

    /// Delivers `message` to the relay. Returns the server's reply to the end of DATA, whose text
    /// usually carries the relay's queue id.
    @discardableResult
    public func send(_ message: MailMessage) async throws -> SMTPReply {
        let tls = try makeTLSContext()
        let eventLoop = group.any()
        let greeting = eventLoop.makePromise(of: SMTPReply.self)
        let closed = eventLoop.makePromise(of: Void.self)
        let channel = try await connect(greeting: greeting, closed: closed, tls: tls)
        defer { channel.close(promise: nil) }
        let connection = Connection(channel: channel)

        do {
            return try await converse(message, over: connection, greeting: greeting.futureResult, tls: tls)
        } catch let error as SMTPError {
            throw error
        } catch {
            // A channel error (a write on a closed channel, TLS added too late) after the handler
            // ended the connection: report why it ended, which the handler recorded first.
            channel.close(promise: nil)
            do {
                try await closed.futureResult.get()
            } catch let failure as SMTPError {
                throw failure
            } catch {}
            throw SMTPError(.connection, "the connection to the SMTP server failed: \(error)")
        }
    }

    private func converse(
        _ message: MailMessage, over connection: Connection, greeting: EventLoopFuture<SMTPReply>, tls: NIOSSLContext?
    ) async throws -> SMTPReply {
        try expect(try await greeting.get(), 220, "the SMTP server did not greet")
        var capabilities = try await hello(connection)
        if configuration.server.security == .startTLS {
            guard capabilities.startTLS else {
                throw SMTPError(
                    .unsupported,
                    "\(configuration.server.host) does not offer STARTTLS, and smtp:// never sends in the clear; use smtps:// if it speaks TLS on connect"
                )
            }
            // smtp:// always has a TLS context (makeTLSContext makes one for every security but plain).
            guard let tls else { throw SMTPError(.configuration, "no TLS context for STARTTLS") }
            try expect(try await connection.send("STARTTLS"), 220, "the SMTP server refused STARTTLS")
            try await startTLS(on: connection.channel, context: tls)
            capabilities = try await hello(connection)
        }
        if let credentials = configuration.credentials {
            try await authenticate(connection, credentials: credentials, capabilities: capabilities)
        }
        let accepted = try await transfer(message, over: connection, capabilities: capabilities)
        // The message is accepted; a failed QUIT changes nothing.
        _ = try? await connection.send("QUIT")
        return accepted
    }

    private func transfer(_ message: MailMessage, over connection: Connection, capabilities: SMTPCapabilities) async throws -> SMTPReply {
        if message.needsSMTPUTF8 && !capabilities.smtpUTF8 {
            throw SMTPError(.unsupported, "the address is not ASCII, and the SMTP server does not offer SMTPUTF8")
        }
        let encoding = message.bodyEncoding(eightBitMIME: capabilities.eightBitMIME)
        let data = Self.dotStuffed(message.rendered(bodyEncoding: encoding))
        if let maximum = capabilities.maximumSize, data.count > maximum {
            throw SMTPError(.messageTooLarge, "the message has \(data.count) octets, more than the \(maximum) the SMTP server accepts")
        }
        var mailFrom = "MAIL FROM:<\(message.from.address)>"
        if capabilities.maximumSize != nil { mailFrom += " SIZE=\(data.count)" }
        if encoding == .eightBit { mailFrom += " BODY=8BITMIME" }
        if message.needsSMTPUTF8 { mailFrom += " SMTPUTF8" }
        try expect(try await connection.send(mailFrom), 250, "the SMTP server refused the sender")
        let recipient = try await connection.send("RCPT TO:<\(message.to)>")
        guard recipient.code == 250 || recipient.code == 251 else {
            throw SMTPError(.rejected, "the SMTP server refused the recipient", reply: recipient)
        }
        try expect(try await connection.send("DATA"), 354, "the SMTP server refused to take the message")
        let accepted = try await connection.send(raw: data)
        try expect(accepted, 250, "the SMTP server refused the message")
        return accepted
    }

    private func hello(_ connection: Connection) async throws -> SMTPCapabilities {
        let reply = try await connection.send("EHLO \(configuration.clientName)")
        try expect(reply, 250, "the SMTP server refused EHLO")
        return SMTPCapabilities(ehlo: reply)
    }

    /// PLAIN (RFC 4616) where offered, else LOGIN; either only inside TLS or to a loopback relay.
    private func authenticate(_ connection: Connection, credentials: SMTPCredentials, capabilities: SMTPCapabilities) async throws {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if capabilities.authMechanisms.contains("PLAIN") {
            let reply = try await connection.send("AUTH PLAIN \(base64("\0\(credentials.username)\0\(credentials.password)"))")
            return try expectAuthenticated(reply)
        }
        guard capabilities.authMechanisms.contains("LOGIN") else {
            throw SMTPError(
                .unsupported,
                "credentials are configured, but the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN (offered: \(capabilities.authMechanisms.sorted().joined(separator: " ")))"
            )
        }
        try expect(try await connection.send("AUTH LOGIN"), 334, "the SMTP server refused AUTH LOGIN")
        try expect(try await connection.send(base64(credentials.username)), 334, "the SMTP server refused the user name")
        try expectAuthenticated(try await connection.send(base64(credentials.password)))
    }

    private func expectAuthenticated(_ reply: SMTPReply) throws {
        guard reply.code == 235 else {
            throw SMTPError(.rejected, "the SMTP server did not accept the credentials", reply: reply)
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, _ message: String) throws {
        guard reply.code == code else { throw SMTPError(.rejected, message, reply: reply) }
    }

    private func makeTLSContext() throws -> NIOSSLContext? {
        guard configuration.server.security != .plain else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let caFile = configuration.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw SMTPError(.configuration, "cannot read the CA file \(caFile) (--smtp-ca-file)")
            }
            tls.trustRoots = .file(caFile)
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw SMTPError(.configuration, "cannot set up TLS with the CA file \(configuration.caFile ?? "(system)"): \(error)")
        }
    }

    private func connect(
        greeting: EventLoopPromise<SMTPReply>, closed: EventLoopPromise<Void>, tls: NIOSSLContext?
    ) async throws -> any Channel {
        let server = configuration.server
        let replyTimeout = configuration.replyTimeout
        let serverName = server.isAddressLiteral ? nil : server.host
        let bootstrap = ClientBootstrap(group: greeting.futureResult.eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if server.security == .implicitTLS, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        SMTPClientHandler(greeting: greeting, closed: closed, replyTimeout: replyTimeout))
                }
            }
        do {
            return try await bootstrap.connect(host: server.host, port: server.port).get()
        } catch {
            let failure = SMTPError(.connection, "cannot connect to \(server): \(error)")
            greeting.fail(failure)
            closed.fail(failure)
            throw failure
        }
    }

    /// Puts TLS beneath the SMTP handler. Any byte the server sent after its 220 has already ended
    /// the connection (SMTPClientHandler), so nothing sent in the clear is read as protected.
    private func startTLS(on channel: any Channel, context: NIOSSLContext) async throws {
        let serverName = configuration.server.isAddressLiteral ? nil : configuration.server.host
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLClientHandler(context: context, serverHostname: serverName), position: .first)
        }.get()
    }

    /// RFC 5321 section 4.5.2: a line that starts with a dot gets one more. The message ends in
    /// CRLF, so the terminator follows it directly.
    static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 64)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        output += Array(".\r\n".utf8)
        return output
    }
}
