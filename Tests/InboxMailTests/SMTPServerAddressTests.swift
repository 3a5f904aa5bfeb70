import Testing

@testable import InboxMail

@Suite("SMTP server URLs")
struct SMTPServerAddressTests {
    @Test(
        "Accepted URLs and what they mean",
        arguments: [
            ("smtp://mail.example.se", SMTPServerAddress.Security.startTLS, "mail.example.se", 587),
            ("smtp://mail.example.se:2525/", .startTLS, "mail.example.se", 2525),
            ("SMTPS://Mail.Example.SE", .implicitTLS, "mail.example.se", 465),
            ("smtp+plain://127.0.0.1:2525", .plain, "127.0.0.1", 2525),
            ("smtp+plain://localhost", .plain, "localhost", 25),
            ("smtp+plain://[::1]:25", .plain, "::1", 25),
            ("smtps://[2001:db8::1]:465", .implicitTLS, "2001:db8::1", 465),
        ])
    func accepted(url: String, security: SMTPServerAddress.Security, host: String, port: Int) throws {
        let address = try SMTPServerAddress(parsing: url)
        #expect(address.security == security)
        #expect(address.host == host)
        #expect(address.port == port)
    }

    @Test(
        "Refused URLs, each with its reason",
        arguments: [
            ("http://mail.example.se", "must start with smtp://"),
            ("mail.example.se:587", "must start with smtp://"),
            ("smtp+plain://mail.example.se:25", "loopback"),
            ("smtp+plain://10.0.0.1", "loopback"),
            ("smtp+plain://127.0.0.1.nip.io", "loopback"),
            ("smtp://user:secret@mail.example.se", "credentials"),
            ("smtp://mail.example.se:0", "port"),
            ("smtp://mail.example.se:70000", "port"),
            ("smtp://mail.example.se:smtp", "port"),
            ("smtp://", "host"),
            ("smtp://mail.example.se/path", "host and a port only"),
            ("smtp://mail example.se", "host"),
            ("smtp://[::1", "unclosed"),
        ])
    func refused(url: String, reason: String) {
        #expect {
            try SMTPServerAddress(parsing: url)
        } throws: { error in
            guard let error = error as? SMTPError else { return false }
            return error.code == .configuration && error.message.contains(reason)
        }
    }
}
