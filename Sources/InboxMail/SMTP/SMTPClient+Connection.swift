// One command and its reply over the channel, for the conversation in SMTPClient.
import NIOCore

extension SMTPClient {
    struct Connection {
        let channel: any Channel

        /// Sends one command line (CRLF is added) and waits for its reply.
        func send(_ command: String) async throws -> SMTPReply {
            try await send(raw: Array((command + "\r\n").utf8))
        }

        func send(raw bytes: [UInt8]) async throws -> SMTPReply {
            let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
            // Once the connection has closed, the handler has left the pipeline and a write fails
            // without reaching it: the reply fails with the write's error, which SMTPClient.send
            // replaces with the reason the connection ended.
            let written = channel.eventLoop.makePromise(of: Void.self)
            written.futureResult.whenFailure { reply.fail($0) }
            channel.writeAndFlush(SMTPCommand(bytes: ByteBuffer(bytes: bytes), reply: reply), promise: written)
            return try await reply.futureResult.get()
        }
    }
}
