// The templates directory is a setting like the others (option, environment, configuration file),
// defaults to `templates` beside the configuration, and through sudo comes from the installed
// configuration alone.
import InboxConfiguration
import InboxCore
import InboxTestSupport
import Testing

@Suite("templates directory setting")
struct TemplatesDirectorySettingTests {
    static let anna = SudoInvocation(user: "anna", uid: 1001, gid: 1001)

    func settings(
        config: String? = nil, environment: [String: String] = [:], installedConfig: String = "/nonexistent/inbox.conf",
        sudo: SudoInvocation? = nil
    ) throws -> InboxSettings {
        var options = InboxSettings.PathOptions()
        options.config = config
        return try InboxSettings(options: options, environment: environment, installedConfig: installedConfig, sudo: sudo)
    }

    @Test("the option beats the environment, which beats the configuration file")
    func precedence() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("inbox.conf", "templates-dir = \"/from/config\"\n")
        let environment = ["INBOX_TEMPLATES_DIR": "/from/env"]
        #expect(try settings(config: config).templatesDirectory(option: nil) == "/from/config")
        #expect(try settings(config: config, environment: environment).templatesDirectory(option: nil) == "/from/env")
        #expect(try settings(config: config, environment: environment).templatesDirectory(option: "/from/cli") == "/from/cli")
    }

    @Test("by default, `templates` beside the configuration file read, or beside the installed one")
    func defaults() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        #expect(try settings(config: config).templatesDirectory(option: nil) == "\(directory.path)/templates")
        #expect(try settings().templatesDirectory(option: nil) == "/etc/contact-inbox/templates")
    }

    @Test("through sudo the installed configuration decides")
    func sudoInstalled() throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("inbox.conf", "templates-dir = \"/srv/agency/templates\"\n")
        #expect(try settings(installedConfig: installed, sudo: Self.anna).templatesDirectory(option: nil) == "/srv/agency/templates")
        let bare = try TemporaryDirectory()
        let plain = try bare.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        #expect(try settings(installedConfig: plain, sudo: Self.anna).templatesDirectory(option: nil) == "\(bare.path)/templates")
    }

    @Test("through sudo --templates-dir is refused")
    func sudoOption() throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        let resolved = try settings(installedConfig: installed, sudo: Self.anna)
        let error = try #require(throws: ConfigurationError.self) { try resolved.templatesDirectory(option: "/home/anna/templates") }
        #expect(error.description.contains("--templates-dir is refused when anna runs inbox through sudo"))
    }

    @Test("through sudo INBOX_TEMPLATES_DIR is refused")
    func sudoEnvironment() throws {
        let directory = try TemporaryDirectory()
        let installed = try directory.write("inbox.conf", "data-dir = \"/var/lib/contact-inbox\"\n")
        let error = try #require(throws: ConfigurationError.self) {
            try settings(environment: ["INBOX_TEMPLATES_DIR": "/home/anna/templates"], installedConfig: installed, sudo: Self.anna)
        }
        #expect(error.description.contains("INBOX_TEMPLATES_DIR is refused"))
    }
}
