import NIOCore
import Testing

@testable import InboxMail

@Suite("SMTP replies")
struct SMTPReplyParserTests {
    @Test("A multi-line reply is one reply; the bytes after it stay for the next")
    func multiLine() throws {
        var parser = SMTPReplyParser()
        var buffer = ByteBuffer(string: "250-mail.example.se\r\n250-SIZE 1000\r\n250 8BITMIME\r\n354 go")
        let reply = try #require(try parser.nextReply(from: &buffer))
        #expect(reply == SMTPReply(code: 250, lines: ["mail.example.se", "SIZE 1000", "8BITMIME"]))
        #expect(try parser.nextReply(from: &buffer) == nil)
        #expect(buffer.readableBytes == "354 go".utf8.count)
    }

    @Test("A reply split across reads is assembled; a bare code and LF line ends are read")
    func split() throws {
        var parser = SMTPReplyParser()
        var buffer = ByteBuffer(string: "220-first\r\n220")
        #expect(try parser.nextReply(from: &buffer) == nil)
        buffer.writeString("\n")
        #expect(try parser.nextReply(from: &buffer) == SMTPReply(code: 220, lines: ["first", ""]))
    }

    @Test(
        "Malformed replies are protocol violations",
        arguments: [
            "hello\r\n", "25\r\n", "650 no such class\r\n", "150 no such class\r\n", "2x0 letters\r\n", "250_underscore\r\n",
            "250-one\r\n251 two\r\n",
        ])
    func malformed(text: String) {
        var parser = SMTPReplyParser()
        var buffer = ByteBuffer(string: text)
        #expect {
            _ = try parser.nextReply(from: &buffer)
        } throws: { ($0 as? SMTPError)?.code == .protocolViolation }
    }

    @Test("A line longer than the limit is refused, with or without its line end")
    func longLine() {
        for ending in ["", "\r\n"] {
            var parser = SMTPReplyParser()
            var buffer = ByteBuffer(string: "250 " + String(repeating: "x", count: SMTPReplyParser.maximumLineLength) + ending)
            #expect(throws: SMTPError.self) { _ = try parser.nextReply(from: &buffer) }
        }
    }

    @Test("Control characters and non-ASCII in a reply's text are replaced before anyone prints them")
    func printable() throws {
        var parser = SMTPReplyParser()
        var buffer = ByteBuffer(string: "550 \u{1B}[2Jno such user \u{7}ö\r\n")
        let reply = try #require(try parser.nextReply(from: &buffer))
        #expect(reply.lines == ["?[2Jno such user ???"])
    }
}
