// The request deadline on a connection, on NIO's embedded event loop (its clock moves only when
// the test moves it): a connection that delivers no whole request in time is closed, not a moment
// before; the server's own time does not count; after each response the clock starts again.
import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Synchronization
import Testing

@testable import InboxServer

@Suite("request deadline")
struct RequestReadDeadlineTests {
    static let timeout = TimeAmount.seconds(30)

    /// How many connections the handler closed.
    final class Expiries: Sendable {
        private let count = Mutex(0)
        func record() { count.withLock { $0 += 1 } }
        var total: Int { count.withLock { $0 } }
    }

    /// A connection with the handler, active, and a count of the connections it closed.
    func connection() throws -> (EmbeddedChannel, Expiries) {
        let expiries = Expiries()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(RequestReadDeadline(timeout: Self.timeout) { expiries.record() })
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return (channel, expiries)
    }

    func request(_ channel: EmbeddedChannel) throws {
        try channel.writeInbound(HTTPRequestPart.head(HTTPRequest(method: .get, scheme: nil, authority: "x", path: "/")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        _ = try channel.readInbound(as: HTTPRequestPart.self)
        _ = try channel.readInbound(as: HTTPRequestPart.self)
    }

    func respond(_ channel: EmbeddedChannel) throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
    }

    /// The connection stays open until `remaining` has passed, a millisecond short of it still
    /// open, and is closed at it, counted once.
    func expectClosed(
        _ channel: EmbeddedChannel, _ expiries: Expiries, after remaining: TimeAmount,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        channel.embeddedEventLoop.advanceTime(by: remaining - .milliseconds(1))
        #expect(channel.isActive, sourceLocation: sourceLocation)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive, sourceLocation: sourceLocation)
        #expect(expiries.total == 1, sourceLocation: sourceLocation)
    }

    @Test("a connection that sends nothing is closed at the deadline, not before")
    func idleConnection() throws {
        let (channel, expiries) = try connection()
        expectClosed(channel, expiries, after: Self.timeout)
    }

    @Test("a request's head without its end is cut off at the deadline")
    func partialRequest() throws {
        let (channel, expiries) = try connection()
        try channel.writeInbound(HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/")))
        channel.embeddedEventLoop.advanceTime(by: Self.timeout)
        #expect(!channel.isActive)
        #expect(expiries.total == 1)
    }

    @Test("the server's time is not the client's: a slow response keeps the connection")
    func slowResponse() throws {
        let (channel, expiries) = try connection()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        try request(channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(45))
        #expect(channel.isActive)
        try respond(channel)
        // The next request's clock starts at the response: closed 30 s after it, not before.
        expectClosed(channel, expiries, after: Self.timeout)
    }

    @Test("each response moves the deadline of a keep-alive connection")
    func keepAlive() throws {
        let (channel, expiries) = try connection()
        for _ in 0..<10 {
            channel.embeddedEventLoop.advanceTime(by: .seconds(20))
            try request(channel)
            try respond(channel)
        }
        // 200 s of requests 20 s apart: never 30 s without one.
        expectClosed(channel, expiries, after: Self.timeout)
    }

    @Test("a connection closed by the client leaves no timer to fire")
    func closedByClient() throws {
        let (channel, expiries) = try connection()
        try channel.close().wait()
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(expiries.total == 0)
    }
}
