// What a server's EHLO reply says it can do (RFC 5321 section 4.1.1.1): the extensions the client
// needs to know about, and nothing it would only ignore.

struct SMTPCapabilities: Sendable, Equatable {
    var startTLS = false
    /// AUTH mechanisms offered, upper-cased.
    var authMechanisms: Set<String> = []
    /// SIZE: the largest message accepted, in octets; nil when none is declared (or 0, no limit).
    var maximumSize: Int?
    var eightBitMIME = false
    var smtpUTF8 = false

    /// The first line greets; every later line names an extension and its parameters.
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS": startTLS = true
            case "AUTH": authMechanisms.formUnion(words.dropFirst())
            case "SIZE": maximumSize = words.dropFirst().first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            case "8BITMIME": eightBitMIME = true
            case "SMTPUTF8": smtpUTF8 = true
            default: break
            }
        }
    }
}
