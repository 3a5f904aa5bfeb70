// The configuration file (`--config`, env INBOX_CONFIG, else /etc/contact-inbox/inbox.conf): TOML,
// read by the parser the policy is read with, so that a mistake is named with its line and column
// the same way. Every setting is a top-level key named as its long option without the dashes; its
// value is a string, or a whole number for the numeric ones.
//
//     # /etc/contact-inbox/inbox.conf
//     data-dir = "/var/lib/contact-inbox"
//     port = 8080
import Foundation
public import InboxTOML

public struct ConfigurationFile: Sendable {
    /// The settings a configuration file may hold, and which of them may be written as numbers.
    static let names: Set<String> = [
        "data-dir", "key-dir", "private-key-dir", "policy", "passphrase-file",
        // the PostgreSQL database, when it is not the SQLite file in the data directory
        "database", "database-ca-file", "database-password-file",
        // inbox-server's listener
        "host", "port", "admin-port", "rate-limit", "trusted-proxy", "allowed-origin", "request-timeout", "min-free-space",
        // inbox answer's relay and sender
        "smtp-url", "smtp-ca-file", "smtp-credentials-file", "mail-from", "subject",
        // inbox answer --template's directory
        "templates-dir",
        // where inbox digest mails the staff's daily summary
        "digest-to",
    ]
    static let numeric: Set<String> = ["port", "admin-port", "request-timeout", "min-free-space"]
    static let guide = "deploy/README.md"

    public let path: String
    /// Each setting's value, as text, and where it was written.
    public let settings: [String: (value: String, location: SourceLocation)]

    public var values: [String: String] { settings.mapValues(\.value) }

    /// Reads and checks the file; a missing, unreadable or invalid file is a `TOMLError`.
    public init(path: String) throws(TOMLError) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw TOMLError(
                SourceLocation(file: path, line: 0, column: 0), "cannot read the configuration file",
                hint: "check that it exists and that this account may read it")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TOMLError(SourceLocation(file: path, line: 0, column: 0), "the configuration file is not UTF-8 text")
        }
        try self.init(path: path, text: text)
    }

    public init(path: String, text: String) throws(TOMLError) {
        self.path = path
        var root = TOMLTableReader(try TOMLParser.parse(file: path, text: text), path: "", guide: Self.guide)
        var settings: [String: (value: String, location: SourceLocation)] = [:]
        let known = Self.names.sorted()
        for entry in root.allKeys() {
            guard Self.names.contains(entry.key) else {
                throw TOMLError(
                    entry.keyLocation, "unknown setting `\(entry.key)`", hint: "the settings are: \(known.joined(separator: ", "))")
            }
            let value: String
            switch entry.node.value {
            case .string(let text):
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw TOMLError(entry.node.location, "`\(entry.key)` is empty", hint: "leave the line out for the default")
                }
                value = text
            case .integer(let number) where Self.numeric.contains(entry.key):
                value = String(number)
            default:
                throw TOMLError(
                    entry.node.location,
                    "`\(entry.key)` must be \(Self.numeric.contains(entry.key) ? "a number or " : "")a string, not \(entry.node.kind)",
                    hint: "write \(entry.key) = \"…\"")
            }
            settings[entry.key] = (value, entry.node.location)
        }
        self.settings = settings
    }
}
