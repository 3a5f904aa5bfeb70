import Foundation
import Testing

@testable import InboxMail

@Suite("The answer as an Internet message")
struct MailMessageTests {
    let from = try! Mailbox(parsing: "Kommunens registratur <registrator@kommun.se>")
    let to = try! MailAddress(parsing: "anna@example.se")

    func text(_ message: MailMessage, _ encoding: MailMessage.BodyEncoding) -> String {
        String(decoding: message.rendered(bodyEncoding: encoding), as: UTF8.self)
    }

    func headers(_ rendered: String) -> [String] {
        rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
    }

    @Test("Headers: From, To, Subject, Date, Message-ID, MIME; CRLF line ends only")
    func headers() throws {
        let date = Date(timeIntervalSince1970: 1_795_929_614)  // 2026-11-29 05:20:14 UTC, a Sunday
        let message = try MailMessage(
            from: from, to: to, subject: "Answer K7Q2-M9XD-4T", body: "Hej\n", date: date, messageID: "id@kommun.se")
        let rendered = text(message, .sevenBit)
        #expect(
            headers(rendered) == [
                "From: Kommunens registratur <registrator@kommun.se>", "To: anna@example.se", "Subject: Answer K7Q2-M9XD-4T",
                "Date: Sun, 29 Nov 2026 05:20:14 +0000", "Message-ID: <id@kommun.se>", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 7bit",
            ])
        #expect(rendered.hasSuffix("\r\n\r\nHej\r\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test("A subject that is not ASCII becomes encoded words, folded within 78 characters a line")
    func encodedSubject() throws {
        let subject = "Svar på din fråga om förskoleplatser och barnomsorg på obekväm arbetstid K7Q2-M9XD-4T"
        let message = try MailMessage(from: from, to: to, subject: subject, body: "x")
        let subjectLines = headers(text(message, .sevenBit)).drop { !$0.hasPrefix("Subject: ") }.prefix { !$0.hasPrefix("Date: ") }
        #expect(subjectLines.count > 1)
        #expect(subjectLines.allSatisfy { $0.count <= 78 })
        let decoded = subjectLines.map { line in
            line.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
        }.map { word -> String in
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = String(word.dropFirst(10).dropLast(2))
            return String(decoding: Data(base64Encoded: base64)!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
    }

    @Test(
        "Header injection through any input is refused",
        arguments: [
            "Kommunen <registrator@kommun.se>\r\nBcc: victim@example.se",
            "registrator@kommun.se\nBcc: victim@example.se",
            "\"Kommunen\r\nBcc: victim@example.se\" <registrator@kommun.se>",
            "registrator@kommun.se, victim@example.se",
            "registrator@kommun.se (comment)",
            "<registrator@kommun.se>\u{0}",
        ])
    func senderInjection(value: String) {
        #expect(throws: SMTPError.self) { try Mailbox(parsing: value) }
    }

    @Test(
        "A recipient that could inject or add recipients is refused at sending time",
        arguments: [
            "anna@example.se\r\nBcc: victim@example.se", "anna@example.se>\r\nRCPT TO:<victim@example.se", "anna@example.se\u{2028}x",
            "anna@example.se,victim@example.se", "anna @example.se", "\"anna\"@example.se", "anna@[127.0.0.1]", "anna@example",
        ])
    func recipientInjection(value: String) {
        #expect(throws: SMTPError.self) { try MailAddress(parsing: value) }
    }

    @Test("A subject with a line break is refused")
    func subjectInjection() {
        #expect(throws: SMTPError.self) {
            try MailMessage(from: from, to: to, subject: "Svar\r\nBcc: victim@example.se", body: "x")
        }
    }

    @Test("A body cannot start a header or end the message: its line breaks all become CRLF in the body")
    func bodyInjection() throws {
        let message = try MailMessage(from: from, to: to, subject: "s", body: "first\r\n\r\nBcc: x@y.se\rsecond\n.\nthird")
        let rendered = text(message, .sevenBit)
        #expect(headers(rendered).count == 8)
        #expect(rendered.hasSuffix("\r\n\r\nfirst\r\n\r\nBcc: x@y.se\r\nsecond\r\n.\r\nthird\r\n"))
    }

    @Test("Quoted-printable: known answers")
    func quotedPrintable() {
        #expect(QuotedPrintable.encode(line: Array("Hej då = 1".utf8)) == "Hej d=C3=A5 =3D 1")
        #expect(QuotedPrintable.encode(line: Array("trailing space ".utf8)) == "trailing space=20")
        #expect(QuotedPrintable.encode(line: Array(".dot".utf8)) == "=2Edot")
        #expect(QuotedPrintable.encode(line: Array("From here".utf8)) == "=46rom here")
        #expect(QuotedPrintable.encode(line: [0x1B, 0x5B, 0x00]) == "=1B[=00")
    }

    @Test("Quoted-printable keeps every line within 76 characters, with soft breaks")
    func quotedPrintableLength() {
        let encoded = QuotedPrintable.encode(line: Array(String(repeating: "åäö abc ", count: 60).utf8))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(!lines.contains { $0.contains("=C3=") && $0.hasSuffix("=C") })
    }

    @Test("The body's encoding follows its content and the server's 8BITMIME")
    func bodyEncoding() throws {
        func encoding(_ body: String, eightBit: Bool) throws -> MailMessage.BodyEncoding {
            try MailMessage(from: from, to: to, subject: "s", body: body).bodyEncoding(eightBitMIME: eightBit)
        }
        #expect(try encoding("plain ascii\nlines", eightBit: false) == .sevenBit)
        #expect(try encoding("svar på svenska", eightBit: true) == .eightBit)
        #expect(try encoding("svar på svenska", eightBit: false) == .quotedPrintable)
        #expect(try encoding(String(repeating: "x", count: 999), eightBit: true) == .quotedPrintable)
        #expect(try encoding("escape \u{1B}[2J", eightBit: true) == .quotedPrintable)
    }

    @Test("Dot-stuffing doubles a leading dot on every line and appends the terminator")
    func dotStuffing() {
        let stuffed = SMTPClient.dotStuffed(Array(".first\r\nmiddle .\r\n.\r\n..two\r\n".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..first\r\nmiddle .\r\n..\r\n...two\r\n.\r\n")
    }

    @Test("A display name that is not ASCII is encoded; one with specials is quoted")
    func displayNames() throws {
        #expect(try Mailbox(parsing: "Kommunen <a@kommun.se>").headerValue == "Kommunen <a@kommun.se>")
        #expect(try Mailbox(parsing: "Kommunen, registrator <a@kommun.se>").headerValue == "\"Kommunen, registrator\" <a@kommun.se>")
        #expect(try Mailbox(parsing: "Växjö kommun <a@kommun.se>").headerValue.hasPrefix("=?UTF-8?B?"))
        #expect(try Mailbox(parsing: " a@kommun.se ").headerValue == "a@kommun.se")
    }
}
