// The channel handler under the SMTP conversation: writes each command, completes its promise
// with the reply, and enforces that the server speaks only when spoken to. That rule is what makes
// STARTTLS safe: bytes that arrive after the "220 ready to start TLS" reply, before the TLS
// handshake, would otherwise be read as if they had come through TLS (the command-injection flaw
// of CVE-2011-0411 and its kin). Here they end the connection.
import NIOCore
import NIOSSL

final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = Never
    typealias OutboundIn = SMTPCommand
    typealias OutboundOut = ByteBuffer

    private struct Waiting {
        let reply: EventLoopPromise<SMTPReply>
        let timeout: Scheduled<Void>?
    }

    private let replyTimeout: TimeAmount
    private var waiting: [Waiting] = []
    private var greeting: EventLoopPromise<SMTPReply>?
    private let closed: EventLoopPromise<Void>
    private var received: ByteBuffer?
    private var parser = SMTPReplyParser()
    private var failure: SMTPError?

    /// `greeting` is completed with the server's first reply; `closed` is failed with the reason
    /// the connection ended, for commands written after the handler has left the pipeline.
    init(greeting: EventLoopPromise<SMTPReply>, closed: EventLoopPromise<Void>, replyTimeout: TimeAmount) {
        self.greeting = greeting
        self.closed = closed
        self.replyTimeout = replyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { awaitGreeting(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitGreeting(context: context)
        context.fireChannelActive()
    }

    private func awaitGreeting(context: ChannelHandlerContext) {
        guard let greeting else { return }
        self.greeting = nil
        waiting.append(Waiting(reply: greeting, timeout: scheduleTimeout(context: context)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let command = unwrapOutboundIn(data)
        if let failure {
            command.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        waiting.append(Waiting(reply: command.reply, timeout: scheduleTimeout(context: context)))
        let written = promise ?? context.eventLoop.makePromise()
        written.futureResult.assumeIsolated().whenFailure { [weak self] error in
            self?.fail(context: context, SMTPError(.connection, "the connection to the SMTP server failed while writing: \(error)"))
        }
        context.write(wrapOutboundOut(command.bytes), promise: written)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        var bytes = unwrapInboundIn(data)
        guard !waiting.isEmpty else {
            return fail(context: context, SMTPReplyParser.violation("data it was not asked for"))
        }
        var buffer = received ?? context.channel.allocator.buffer(capacity: bytes.readableBytes)
        buffer.writeBuffer(&bytes)
        defer {
            buffer.discardReadBytes()
            received = buffer
        }
        do {
            while !waiting.isEmpty, let reply = try parser.nextReply(from: &buffer) {
                let answered = waiting.removeFirst()
                answered.timeout?.cancel()
                answered.reply.succeed(reply)
            }
        } catch let error as SMTPError {
            return fail(context: context, error)
        } catch {
            return fail(context: context, SMTPReplyParser.violation("an unreadable reply"))
        }
        if waiting.isEmpty && buffer.readableBytes > 0 {
            return fail(context: context, SMTPReplyParser.violation("data it was not asked for"))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error {
        case let error as SMTPError:
            fail(context: context, error)
        case let error as NIOSSLError:
            fail(context: context, SMTPError(.tls, "TLS with the SMTP server failed: \(error)"))
        case let error as BoringSSLError:
            fail(context: context, SMTPError(.tls, "TLS with the SMTP server failed: \(error)"))
        default:
            fail(context: context, SMTPError(.connection, "the connection to the SMTP server failed: \(error)"))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context: context, SMTPError(.connection, "the SMTP server closed the connection"))
        context.fireChannelInactive()
    }

    /// Fails every waiting command with the first failure, and every later one too; closes.
    private func fail(context: ChannelHandlerContext, _ error: SMTPError) {
        let first = failure ?? error
        let alreadyFailed = failure != nil
        failure = first
        let failed = waiting
        waiting = []
        greeting?.fail(first)
        greeting = nil
        closed.fail(first)
        for command in failed {
            command.timeout?.cancel()
            command.reply.fail(first)
        }
        if !alreadyFailed { context.close(promise: nil) }
    }

    private func scheduleTimeout(context: ChannelHandlerContext) -> Scheduled<Void>? {
        let seconds = replyTimeout.nanoseconds / 1_000_000_000
        return context.eventLoop.assumeIsolated().scheduleTask(in: replyTimeout) { [weak self] in
            self?.fail(context: context, SMTPError(.timeout, "the SMTP server did not answer within \(seconds) seconds"))
        }
    }
}
