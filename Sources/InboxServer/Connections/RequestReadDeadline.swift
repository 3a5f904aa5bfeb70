// Slow clients: a connection must deliver each whole request (headers and body) within a deadline
// counted from the moment the server starts waiting for it: when the connection opens, and again
// after each response. Hummingbird's idle timeout alone counts from the last HTTP part read, so a
// client sending a byte of body every few seconds, or headers a byte a minute, could hold a
// connection forever; a few hundred of them would hold the server when it is reached without
// nginx. A client that misses the deadline is disconnected; nothing it sent is kept or logged.
//
// The deadline is a time kept in the handler, and one timer per connection looks at it when it
// fires: a keep-alive connection's next request moves the deadline, not the timer, which is set
// again only if it finds the deadline later than itself. (Scheduling and cancelling a task on the
// event loop for every request was about 1 % of a submission's CPU: docs/PERFORMANCE.md.)
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
    /// When the request being waited for must have arrived whole; nil while the server has the
    /// request (from its end to the end of the response).
    private var deadline: NIODeadline?
    /// The connection's one timer, when set.
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount, onExpiry: @escaping @Sendable () -> Void = {}) {
        self.timeout = timeout
        self.onExpiry = onExpiry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The request has arrived whole: what follows is the server's time, not the client's.
        if case .end = unwrapInboundIn(data) { deadline = nil }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // After the response, the clock runs for the next request on this connection.
        if case .end = unwrapOutboundIn(data) { arm(context) }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        let deadline = context.eventLoop.now + timeout
        self.deadline = deadline
        // A timer already set fires no later than this deadline and then sets itself again.
        if timer == nil { setTimer(context, at: deadline) }
    }

    private func setTimer(_ context: ChannelHandlerContext, at time: NIODeadline) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: time) { [self] in
            timer = nil
            guard let deadline else { return }  // the server has the request: armed again after its response
            if deadline <= context.eventLoop.now {
                self.deadline = nil
                onExpiry()
                context.close(promise: nil)
            } else {
                setTimer(context, at: deadline)
            }
        }
    }

    private func stop() {
        deadline = nil
        timer?.cancel()
        timer = nil
    }
}
