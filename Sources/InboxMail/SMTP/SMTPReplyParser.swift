// Assembles replies from the lines a server sends (RFC 5321 section 4.2): `250-first`,
// `250-second`, `250 last`. Every line of one reply must carry the same code; anything else is a
// protocol violation rather than something to guess about.
import NIOCore

struct SMTPReplyParser {
    /// RFC 5321 allows 512 octets a reply line; real servers send longer EHLO lines, within reason.
    static let maximumLineLength = 4096
    /// A reply longer than this is not a reply but a flood.
    static let maximumLines = 256

    private var code: Int?
    private var lines: [String] = []

    /// Takes whole lines out of `buffer` until one reply is complete; nil when more bytes are
    /// needed. Leaves the bytes after that reply in `buffer`.
    mutating func nextReply(from buffer: inout ByteBuffer) throws -> SMTPReply? {
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - buffer.readerIndex
            guard length <= Self.maximumLineLength else {
                throw Self.violation("a reply line longer than \(Self.maximumLineLength) octets")
            }
            guard var line = buffer.readBytes(length: length) else { return nil }
            buffer.moveReaderIndex(forwardBy: 1)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let reply = try take(line) { return reply }
        }
        guard buffer.readableBytes <= Self.maximumLineLength else {
            throw Self.violation("a reply line longer than \(Self.maximumLineLength) octets")
        }
        return nil
    }

    private mutating func take(_ line: [UInt8]) throws -> SMTPReply? {
        guard line.count >= 3, line[0] >= UInt8(ascii: "2"), line[0] <= UInt8(ascii: "5"),
            line[1...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw Self.violation("a reply line without a three-digit code") }
        let lineCode = line[0...2].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        if let code, code != lineCode { throw Self.violation("a multi-line reply whose lines carry different codes") }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw Self.violation("a reply line whose code is not followed by a space or a hyphen")
        }
        code = lineCode
        lines.append(Self.printable(line.dropFirst(4)))
        guard lines.count <= Self.maximumLines else { throw Self.violation("a reply of more than \(Self.maximumLines) lines") }
        guard separator == UInt8(ascii: " ") else { return nil }
        defer {
            code = nil
            lines = []
        }
        return SMTPReply(code: lineCode, lines: lines)
    }

    /// Printable ASCII only: a reply's text reaches a terminal in error messages.
    static func printable(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    static func violation(_ what: String) -> SMTPError {
        SMTPError(.protocolViolation, "the SMTP server sent \(what)")
    }
}
