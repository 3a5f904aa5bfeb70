// Settings come from the command line, then the environment, then the configuration file, then
// the defaults.
import ArgumentParser
import InboxTestSupport
import Testing

@testable import InboxCLI

@Suite("settings")
struct InboxSettingsTests {
    func settings(
        _ arguments: [String], environment: [String: String] = [:], installedConfig: String = "/nonexistent/inbox.conf"
    ) throws
        -> InboxSettings
    {
        let command = try KeysPasswdCommand.parse(arguments)
        return try InboxSettings(
            common: command.common, privateKeys: command.privateKeys, environment: environment, installedConfig: installedConfig)
    }

    @Test("the installed configuration is read when no other is named, and only then")
    func installedConfig() throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("installed.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        let named = try directory.write("named.conf", "data-dir = \"/srv/named\"\n")
        #expect(try settings([], installedConfig: installed).dataDirectory == "/var/lib/contact-inbox")
        #expect(try settings([], environment: ["INBOX_CONFIG": named], installedConfig: installed).dataDirectory == "/srv/named")
        #expect(try settings(["--config", named], installedConfig: installed).dataDirectory == "/srv/named")
        #expect(try settings([]).dataDirectory == "./var")
    }

    @Test("defaults derive from the data directory")
    func defaults() throws {
        let resolved = try settings([])
        #expect(resolved.dataDirectory == "./var")
        #expect(resolved.keyDirectory == "./var/keys")
        #expect(resolved.privateKeyDirectory == "./var/private")
        #expect(resolved.passphraseFile == nil)
    }

    @Test("the command line beats the environment, which beats the configuration file")
    func precedence() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write(
            "inbox.conf",
            """
            data-dir = "/from/config"
            key-dir = "/keys/from/config"
            private-key-dir = "/private/from/config"
            passphrase-file = "/pass/from/config"
            """)
        let environment = ["INBOX_CONFIG": config, "INBOX_DATA_DIR": "/from/env", "INBOX_PASSPHRASE_FILE": "/pass/from/env"]
        let resolved = try settings(["--private-key-dir", "/private/from/cli"], environment: environment)
        #expect(resolved.dataDirectory == "/from/env")
        #expect(resolved.keyDirectory == "/keys/from/config")
        #expect(resolved.privateKeyDirectory == "/private/from/cli")
        #expect(resolved.passphraseFile == "/pass/from/env")
    }

    @Test("an invalid configuration file stops the command")
    func invalidConfig() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("inbox.conf", "data_dir = \"/a\"\n")
        #expect(throws: CLIError.self) { try settings(["--config", config]) }
    }
}
