import InboxTestSupport
import Testing

// The configuration file's bad-input table: each mistake named with its file and line.
@testable import InboxCLI

@Suite("configuration file")
struct ConfigFileTests {
    @Test("a valid file with comments and blank lines")
    func valid() throws {
        let config = try ConfigFile(
            path: "inbox.conf",
            text: """
                # where the inbox lives
                data-dir = "/var/lib/contact-inbox"

                private-key-dir = "/etc/contact-inbox/private"  # staff only
                policy = "/etc/contact-inbox/a \\"quoted\\" name.toml"
                """)
        #expect(
            config.values == [
                "data-dir": "/var/lib/contact-inbox", "private-key-dir": "/etc/contact-inbox/private",
                "policy": "/etc/contact-inbox/a \"quoted\" name.toml",
            ])
    }

    @Test(
        "bad input is refused with its line",
        arguments: [
            ("data-dir = \"/a\"\ncolour = \"blue\"", "inbox.conf:2: unknown setting `colour`"),
            ("data-dir = \"/a\"\ndata-dir = \"/b\"", "inbox.conf:2: `data-dir` is set twice"),
            ("data-dir /a", "inbox.conf:1: expected `name = \"value\"`"),
            ("data-dir = /a", "inbox.conf:1: the value must be a double-quoted string"),
            ("data-dir = \"/a", "inbox.conf:1: the string is not closed"),
            ("data-dir = \"/a\" x", "inbox.conf:1: unexpected text after the value"),
            ("data-dir = \"\"", "inbox.conf:1: the value is empty"),
            ("\n\ndata-dir = \"/a\\n\"", "inbox.conf:3: only \\\" and \\\\ escapes are allowed"),
        ])
    func refused(text: String, message: String) {
        let error = #expect(throws: CLIError.self) { try ConfigFile(path: "inbox.conf", text: text) }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
    }
}
