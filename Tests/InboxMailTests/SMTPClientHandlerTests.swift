import NIOCore
import NIOEmbedded
import Testing

@testable import InboxMail

@Suite("SMTP channel handler")
struct SMTPClientHandlerTests {
    /// A connected embedded channel with the handler, and the greeting's future.
    func connected() throws -> (EmbeddedChannel, EventLoopFuture<SMTPReply>) {
        let channel = EmbeddedChannel()
        let greeting = channel.eventLoop.makePromise(of: SMTPReply.self)
        let closed = channel.eventLoop.makePromise(of: Void.self)
        try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(greeting: greeting, closed: closed, replyTimeout: .seconds(5)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 25)).wait()
        return (channel, greeting.futureResult)
    }

    func send(_ command: String, on channel: EmbeddedChannel) throws -> EventLoopFuture<SMTPReply> {
        let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.writeAndFlush(SMTPCommand(bytes: ByteBuffer(string: command), reply: reply), promise: nil)
        return reply.futureResult
    }

    @Test("Greeting, then one reply per command; the command's bytes go out unchanged")
    func conversation() throws {
        let (channel, greeting) = try connected()
        try channel.writeInbound(ByteBuffer(string: "220 mail.example.se ESMTP\r\n"))
        #expect(try greeting.wait().code == 220)
        let reply = try send("NOOP\r\n", on: channel)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "NOOP\r\n"))
        try channel.writeInbound(ByteBuffer(string: "250 ok\r\n"))
        #expect(try reply.wait() == SMTPReply(code: 250, lines: ["ok"]))
        _ = try? channel.finish()
    }

    @Test("Bytes after the reply to STARTTLS end the connection: they would pass for protected")
    func injectionAfterStartTLS() throws {
        let (channel, greeting) = try connected()
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        _ = try greeting.wait()
        let reply = try send("STARTTLS\r\n", on: channel)
        try channel.writeInbound(ByteBuffer(string: "220 go ahead\r\n250-injected\r\n"))
        // The reply itself arrived whole before the extra bytes were seen; then the connection ends.
        #expect(try reply.wait().code == 220)
        #expect(!channel.isActive)
        let next = try send("EHLO client\r\n", on: channel)
        #expect {
            try next.wait()
        } throws: { ($0 as? SMTPError)?.code == .protocolViolation }
    }

    @Test("Data nobody asked for is a protocol violation, and fails what waits")
    func unrequested() throws {
        let (channel, greeting) = try connected()
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        _ = try greeting.wait()
        try channel.writeInbound(ByteBuffer(string: "250 surprise\r\n"))
        #expect(!channel.isActive)
        let next = try send("NOOP\r\n", on: channel)
        #expect {
            try next.wait()
        } throws: { ($0 as? SMTPError)?.code == .protocolViolation }
    }

    @Test("A closed connection fails the waiting command with a connection error")
    func closed() throws {
        let (channel, greeting) = try connected()
        try channel.writeInbound(ByteBuffer(string: "220 ready\r\n"))
        _ = try greeting.wait()
        let reply = try send("DATA\r\n", on: channel)
        channel.pipeline.fireChannelInactive()
        #expect {
            try reply.wait()
        } throws: { ($0 as? SMTPError)?.code == .connection }
    }

    @Test("A server that does not answer fails with a timeout")
    func timeout() throws {
        let (channel, greeting) = try connected()
        channel.embeddedEventLoop.advanceTime(by: .seconds(6))
        #expect {
            try greeting.wait()
        } throws: { ($0 as? SMTPError)?.code == .timeout }
    }
}
