// Quoted-printable (RFC 2045 section 6.7) for a text body: the lines stay readable, every line is
// within 76 characters, and the result is 7-bit ASCII that any relay passes unchanged. A leading
// dot and a leading "From " are encoded too, so that neither a relay's dot handling nor an mbox
// file can alter the text.

enum QuotedPrintable {
    static let maximumLineLength = 76

    /// Encodes `lines` (without line ends) and joins them with CRLF.
    static func encode(lines: [[UInt8]]) -> String {
        lines.map(encode(line:)).joined(separator: "\r\n")
    }

    static func encode(line: [UInt8]) -> String {
        var output: [String] = []
        var current = ""
        for (offset, byte) in line.enumerated() {
            let isLast = offset == line.count - 1
            let piece = mustEncode(byte, at: offset, in: line, isLast: isLast) ? hex(byte) : String(UnicodeScalar(byte))
            // A soft break ("=") takes one character of the line.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if current.count + piece.count > limit {
                output.append(current + "=")
                current = ""
            }
            current += piece
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    private static func mustEncode(_ byte: UInt8, at offset: Int, in line: [UInt8], isLast: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return isLast
        case UInt8(ascii: "="): return true
        case UInt8(ascii: "."): return offset == 0
        case UInt8(ascii: "F"): return offset == 0 && line.starts(with: Array("From ".utf8))
        case 33...126: return false
        default: return true
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
