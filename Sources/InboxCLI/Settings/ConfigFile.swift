// The configuration file (`--config`, env INBOX_CONFIG): one `name = "value"` per line, where a
// name is a long option without its dashes. It is a strict subset of TOML, so editors highlight it.
//
//     # /etc/contact-inbox/inbox.conf
//     data-dir = "/var/lib/contact-inbox"
//     private-key-dir = "/etc/contact-inbox/private"
import Foundation

public struct ConfigFile: Sendable {
    /// The settings a configuration file may hold.
    static let names: Set<String> = [
        "data-dir", "key-dir", "private-key-dir", "policy", "passphrase-file",
        // inbox-server's listener
        "host", "port", "admin-port", "rate-limit", "trusted-proxy", "request-timeout", "min-free-space",
        // inbox answer's relay and sender
        "smtp-url", "smtp-ca-file", "smtp-credentials-file", "mail-from", "subject",
    ]

    public let path: String
    public let values: [String: String]

    init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError("cannot read the configuration file \(path); check that it exists and is UTF-8")
        }
        try self.init(path: path, text: text)
    }

    init(path: String, text: String) throws {
        self.path = path
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = "\(path):\(index + 1)"
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw CLIError("\(location): expected `name = \"value\"`")
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard Self.names.contains(name) else {
                throw CLIError("\(location): unknown setting `\(name)`; known settings: \(Self.names.sorted().joined(separator: ", "))")
            }
            guard values[name] == nil else {
                throw CLIError("\(location): `\(name)` is set twice")
            }
            values[name] = try Self.parseString(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), at: location)
        }
        self.values = values
    }

    /// A TOML basic string: double quotes, with `\"` and `\\` escapes, and an optional comment after.
    private static func parseString(_ text: String, at location: String) throws -> String {
        guard text.first == "\"" else { throw CLIError("\(location): the value must be a double-quoted string") }
        var value = ""
        var escaped = false
        var rest = text.dropFirst()
        while let character = rest.first {
            rest = rest.dropFirst()
            if escaped {
                guard character == "\"" || character == "\\" else {
                    throw CLIError("\(location): only \\\" and \\\\ escapes are allowed")
                }
                value.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                let trailing = rest.trimmingCharacters(in: .whitespaces)
                guard trailing.isEmpty || trailing.hasPrefix("#") else {
                    throw CLIError("\(location): unexpected text after the value")
                }
                guard !value.isEmpty else { throw CLIError("\(location): the value is empty") }
                return value
            } else {
                value.append(character)
            }
        }
        throw CLIError("\(location): the string is not closed")
    }
}
