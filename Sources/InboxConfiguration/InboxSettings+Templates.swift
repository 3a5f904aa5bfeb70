// Where `inbox answer --template` finds the agency's answer templates: `--templates-dir`, then
// INBOX_TEMPLATES_DIR, then `templates-dir` in the configuration file, else `templates` beside the
// configuration file that was read (beside the installed one when none was: in an installation
// /etc/contact-inbox/templates). Through sudo only the installed configuration decides: the
// templates are read with the service account's rights, and they are the agency's letters, which a
// staff member should not swap for a directory of their own.
import Foundation

extension InboxSettings {
    public static let templatesDirectoryName = "templates"

    /// The templates directory; `option` is `--templates-dir` as given (nil: not given), refused
    /// under sudo. (INBOX_TEMPLATES_DIR is refused under sudo with the other path variables.)
    public func templatesDirectory(option: String?) throws -> String {
        try SudoRestrictions.refuse(option, option: "--templates-dir", sudo: sudo)
        if let value = layers.value("templates-dir", option: option, variable: "INBOX_TEMPLATES_DIR") { return value }
        let configuration = URL(fileURLWithPath: config?.path ?? Self.installedConfig)
        return configuration.deletingLastPathComponent().appendingPathComponent(Self.templatesDirectoryName).path
    }
}
