import Foundation
import Testing

@testable import InboxMail

@Suite("SMTP credentials file")
struct SMTPCredentialsTests {
    func file(_ text: String, mode: Int = 0o600) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-credentials-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode_t(mode))
        return path
    }

    @Test("Two lines: user name, then password (which may hold spaces and colons)")
    func read() throws {
        let credentials = try SMTPCredentials(file: try file("inbox@kommun.se\npass: word with spaces\n"))
        #expect(credentials.username == "inbox@kommun.se")
        #expect(credentials.password == "pass: word with spaces")
    }

    @Test(
        "Refused: readable by others, wrong shape, CR line ends",
        arguments: [
            ("user\npassword\n", 0o644, "chmod 600"), ("user\n", 0o600, "two lines"), ("user\npassword\nextra\n", 0o600, "two lines"),
            ("\npassword\n", 0o600, "two lines"), ("user\r\npassword\r\n", 0o600, "control"),
        ])
    func refused(text: String, mode: Int, reason: String) throws {
        let path = try file(text, mode: mode)
        #expect {
            try SMTPCredentials(file: path)
        } throws: { ($0 as? SMTPError)?.message.contains(reason) ?? false }
    }
}
