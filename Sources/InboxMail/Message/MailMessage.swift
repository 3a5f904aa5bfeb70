// One answer as an Internet message (RFC 5322, MIME of RFC 2045): From, To, Subject, Date,
// Message-ID and a UTF-8 text/plain body, with CRLF line ends. Every header value is built from a
// checked address, encoded words or our own text: nothing a citizen or a staff member typed can
// start a header of its own.
public import Foundation

public struct MailMessage: Sendable {
    /// How the body travels; chosen per server (`bodyEncoding(eightBitMIME:)`).
    public enum BodyEncoding: String, Sendable {
        case sevenBit = "7bit"
        case eightBit = "8bit"
        case quotedPrintable = "quoted-printable"
    }

    /// RFC 5322 section 2.1.1: no line of more than 998 octets.
    static let maximumLineOctets = 998

    public let from: Mailbox
    public let to: MailAddress
    public let subject: String
    /// The body's lines, in UTF-8, without line ends.
    let bodyLines: [[UInt8]]
    public let date: Date
    public let messageID: String

    public init(from: Mailbox, to: MailAddress, subject: String, body: String, date: Date = Date(), messageID: String? = nil) throws {
        guard
            !subject.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            })
        else { throw SMTPError(.invalidMessage, "the subject contains a line break or another control character") }
        self.from = from
        self.to = to
        self.subject = subject
        self.bodyLines = Self.lines(of: body)
        self.date = date
        self.messageID = messageID ?? Self.newMessageID(domain: from.address.isASCII ? from.address.domain : "contact-inbox.invalid")
    }

    /// Whether the envelope or headers need SMTPUTF8 (an address that is not ASCII).
    public var needsSMTPUTF8: Bool { !from.address.isASCII || !to.isASCII }

    /// 7bit for short ASCII lines, 8bit for short UTF-8 lines where the server takes 8BITMIME,
    /// quoted-printable for everything else (long lines, control characters, no 8BITMIME).
    public func bodyEncoding(eightBitMIME: Bool) -> BodyEncoding {
        let plainLines = bodyLines.allSatisfy { line in
            line.count <= Self.maximumLineOctets && !line.contains { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }
        }
        guard plainLines else { return .quotedPrintable }
        if bodyLines.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) { return .sevenBit }
        return eightBitMIME ? .eightBit : .quotedPrintable
    }

    /// The whole message, CRLF line ends, ending in CRLF. Dot-stuffing is the transport's.
    public func rendered(bodyEncoding: BodyEncoding) -> [UInt8] {
        let subjectValue = EncodedWord.isPlain(subject) ? subject : EncodedWord.encode(subject, firstLineUsed: "Subject: ".count)
        let headers = [
            "From: \(from.headerValue)",
            "To: \(to)",
            "Subject: \(subjectValue)",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: \(bodyEncoding.rawValue)",
        ]
        let body =
            switch bodyEncoding {
            case .quotedPrintable: QuotedPrintable.encode(lines: bodyLines)
            case .sevenBit, .eightBit: bodyLines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n")
            }
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }

    /// Lines split at CRLF, CR or LF alike, so that no bare CR or LF survives into the message.
    static func lines(of body: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var previous: UInt8 = 0
        for byte in body.utf8 {
            if byte == UInt8(ascii: "\n") {
                if previous != UInt8(ascii: "\r") { lines.append([]) }
            } else if byte == UInt8(ascii: "\r") {
                lines.append([])
            } else {
                lines[lines.count - 1].append(byte)
            }
            previous = byte
        }
        if lines.count > 1 && lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `Sun, 29 Nov 2026 05:20:14 +0000` (RFC 5322 section 3.3), always in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// 128 random bits at the sender's domain: unique without saying anything about the record.
    static func newMessageID(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<16).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }
            .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        return "\(random)@\(domain)"
    }
}
