// Slow clients: a connection must deliver each whole request (headers and body) within a deadline
// counted from the moment the server starts waiting for it: when the connection opens, and again
// after each response. Hummingbird's idle timeout alone counts from the last HTTP part read, so a
// client sending a byte of body every few seconds, or headers a byte a minute, could hold a
// connection forever; a few hundred of them would hold the server when it is reached without
// nginx. A client that misses the deadline is disconnected; nothing it sent is kept or logged.
import HummingbirdCore
import NIOCore
import NIOHTTPTypes

final class RequestReadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    /// Called once for each connection closed for missing the deadline (a metric).
    let onExpiry: @Sendable () -> Void
    private var scheduled: Scheduled<Void>?

    init(timeout: TimeAmount, onExpiry: @escaping @Sendable () -> Void = {}) {
        self.timeout = timeout
        self.onExpiry = onExpiry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The request has arrived whole: what follows is the server's time, not the client's.
        if case .end = unwrapInboundIn(data) { disarm() }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // After the response, the clock runs for the next request on this connection.
        if case .end = unwrapOutboundIn(data) { arm(context) }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        disarm()
        let channel = context.channel
        let onExpiry = onExpiry
        scheduled = context.eventLoop.scheduleTask(in: timeout) {
            onExpiry()
            channel.close(promise: nil)
        }
    }

    private func disarm() {
        scheduled?.cancel()
        scheduled = nil
    }
}
