// Non-ASCII text in a header (RFC 2047): base64 encoded words of UTF-8, each within 75 characters
// and split only between characters, folded onto continuation lines so that no header line passes
// RFC 5322's 78-character recommendation.
import Foundation

enum EncodedWord {
    static let prefix = "=?UTF-8?B?"
    static let suffix = "?="
    /// 75 characters a word: 12 of framing leave 63 of base64, which carry 45 octets; fewer when
    /// the first word shares its line with the header name.
    static let maximumWordLength = 75

    static func encode(_ text: String, firstLineUsed: Int = 0) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = octets(forLength: maximumWordLength - firstLineUsed)
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > budget {
                words.append(word(chunk))
                chunk = []
                budget = octets(forLength: maximumWordLength - 1)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// Whether `text` may stand in a header as it is: printable ASCII that cannot be mistaken for
    /// an encoded word.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } && !text.contains("=?")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        prefix + Data(bytes).base64EncodedString() + suffix
    }

    /// The octets a word of `length` characters can carry: whole base64 quanta only.
    private static func octets(forLength length: Int) -> Int {
        max(3, (length - prefix.count - suffix.count) / 4 * 3)
    }
}
