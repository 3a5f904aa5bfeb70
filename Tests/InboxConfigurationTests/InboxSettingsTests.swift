// Settings come from the command line, then the environment, then the configuration file, then
// the defaults.
import InboxConfiguration
import InboxCore
import InboxTestSupport
import Testing

@Suite("settings")
struct InboxSettingsTests {
    func settings(
        _ arguments: [String], environment: [String: String] = [:], installedConfig: String = "/nonexistent/inbox.conf",
        sudo: SudoInvocation? = nil
    ) throws
        -> InboxSettings
    {
        return try InboxSettings(options: Self.options(arguments), environment: environment, installedConfig: installedConfig, sudo: sudo)
    }

    /// The path options as a command line of `--name value` pairs gives them.
    static func options(_ arguments: [String]) throws -> InboxSettings.PathOptions {
        var options = InboxSettings.PathOptions()
        for pair in stride(from: 0, to: arguments.count, by: 2) {
            let value = arguments[pair + 1]
            switch arguments[pair] {
            case "--data-dir": options.dataDirectory = value
            case "--key-dir": options.keyDirectory = value
            case "--policy": options.policy = value
            case "--config": options.config = value
            case "--private-key-dir": options.privateKeyDirectory = value
            case "--passphrase-file": options.passphraseFile = value
            default: throw ConfigurationError("unknown option \(arguments[pair])")
            }
        }
        return options
    }

    static let anna = SudoInvocation(user: "anna", uid: 1001, gid: 1001)

    @Test(
        "through sudo, an option that names a path or a configuration is refused",
        arguments: [
            ["--data-dir", "/tmp/mine"], ["--key-dir", "/tmp/mine"], ["--policy", "/tmp/zero.toml"], ["--config", "/tmp/mine.conf"],
            ["--private-key-dir", "/tmp/mine"], ["--passphrase-file", "/var/lib/contact-inbox/keys/epochs/202611/email.index.key"],
        ])
    func sudoOptions(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        let error = try #require(throws: ConfigurationError.self) { try settings(arguments, installedConfig: installed, sudo: Self.anna) }
        #expect(error.description.contains("\(arguments[0]) is refused when anna runs inbox through sudo"))
    }

    @Test(
        "through sudo, an environment variable that names a path or a configuration is refused",
        arguments: ["INBOX_DATA_DIR", "INBOX_POLICY", "INBOX_CONFIG", "INBOX_KEY_DIR", "INBOX_PRIVATE_KEY_DIR", "INBOX_PASSPHRASE_FILE"])
    func sudoEnvironment(name: String) throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        #expect(throws: ConfigurationError.self) {
            try settings([], environment: [name: "/tmp/mine"], installedConfig: installed, sudo: Self.anna)
        }
    }

    @Test("through sudo the installed configuration decides, a policy in the working directory is not looked for, and - is allowed")
    func sudoInstalled() throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        let resolved = try settings(["--passphrase-file", "-"], installedConfig: installed, sudo: Self.anna)
        #expect(resolved.dataDirectory == "/var/lib/contact-inbox")
        #expect(resolved.policyFile == InboxSettings.installedPolicy)
        #expect(resolved.passphraseFile == "-")
        // Without an installed configuration there is nothing to go by.
        #expect(throws: ConfigurationError.self) { try settings([], sudo: Self.anna) }
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
        #expect(throws: ConfigurationError.self) { try settings(["--config", config]) }
    }
}
