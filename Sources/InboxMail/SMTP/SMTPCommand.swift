// What the client writes into the channel: the bytes of one command (or of the message, after
// DATA) and the promise its reply completes. One command, one reply: we never pipeline, so the
// handler can tell an unrequested reply from an answer.
import NIOCore

struct SMTPCommand: Sendable {
    let bytes: ByteBuffer
    let reply: EventLoopPromise<SMTPReply>
}
