// The relay's user name and password, read from a file and never from the command line (where
// `ps` and shell history would show them). The file is two lines, user name then password, and
// must be readable by its owner alone, as the key files are.
import Foundation

public struct SMTPCredentials: Sendable {
    public let username: String
    let password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public init(file path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw SMTPError(.configuration, "cannot read the SMTP credentials file \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw SMTPError(
                .configuration,
                "the SMTP credentials file \(path) can be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); run: chmod 600 \(path)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SMTPError(.configuration, "the SMTP credentials file \(path) is not readable UTF-8 text")
        }
        // "\r\n" is one Character in Swift, so CR is looked for before the text is split into lines.
        guard !text.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) else {
            throw SMTPError(.configuration, "the SMTP credentials file \(path) holds control characters (a CR line end?)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count == 2, !lines[0].isEmpty, !lines[1].isEmpty else {
            throw SMTPError(.configuration, "the SMTP credentials file \(path) must hold two lines: the user name, then the password")
        }
        self.init(username: lines[0], password: lines[1])
    }
}
