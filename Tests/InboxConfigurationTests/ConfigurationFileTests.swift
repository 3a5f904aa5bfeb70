// The configuration file's bad-input table: each mistake named with its file, line and column, by
// the same TOML reader as the policy.
import InboxConfiguration
import InboxTOML
import Testing

@Suite("configuration file")
struct ConfigurationFileTests {
    @Test("a valid file with comments, blank lines, escapes and numbers")
    func valid() throws {
        let config = try ConfigurationFile(
            path: "inbox.conf",
            text: """
                # where the inbox lives
                data-dir = "/var/lib/contact-inbox"

                private-key-dir = '/etc/contact-inbox/private'  # staff only
                policy = "/etc/contact-inbox/a \\"quoted\\" name.toml"
                port = 8080
                admin-port = "8081"
                """)
        #expect(
            config.values == [
                "data-dir": "/var/lib/contact-inbox", "private-key-dir": "/etc/contact-inbox/private",
                "policy": "/etc/contact-inbox/a \"quoted\" name.toml", "port": "8080", "admin-port": "8081",
            ])
        #expect(config.settings["port"]?.location.description == "inbox.conf:6:8")
    }

    @Test(
        "bad input is refused with its line and column",
        arguments: [
            ("data-dir = \"/a\"\ncolour = \"blue\"", "inbox.conf:2:1: unknown setting `colour`"),
            ("data-dir = \"/a\"\ndata-dir = \"/b\"", "inbox.conf:2:1: `data-dir` is set twice"),
            ("data-dir /a", "inbox.conf:1:10: expected `=` after the key"),
            ("data-dir = /a", "inbox.conf:1:12: "),
            ("data-dir = \"/a", "inbox.conf:1:"),
            ("data-dir = \"/a\" x", "inbox.conf:1:17: "),
            ("data-dir = \"\"", "inbox.conf:1:12: `data-dir` is empty"),
            ("data-dir = 8080", "inbox.conf:1:12: `data-dir` must be a string, not an integer"),
            ("port = true", "inbox.conf:1:8: `port` must be a number or a string, not true or false"),
            ("[server]\nport = 8080", "inbox.conf:1:2: unknown setting `server`"),
            ("\n\ndata-dir = \"/a\\q\"", "inbox.conf:3:"),
        ])
    func refused(text: String, message: String) {
        let error = #expect(throws: TOMLError.self) { try ConfigurationFile(path: "inbox.conf", text: text) }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
    }

    @Test("a file that cannot be read is named")
    func unreadable() {
        let error = #expect(throws: TOMLError.self) { try ConfigurationFile(path: "/nonexistent/inbox.conf") }
        #expect(error?.description.hasPrefix("/nonexistent/inbox.conf: cannot read the configuration file") == true)
    }
}
