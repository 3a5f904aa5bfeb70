// What a command run through sudo may not choose for itself. In an installation staff run `inbox`
// as the service account that owns the data; if they could name the data directory, the key
// directories, the policy or the configuration, `inbox purge --policy zero.toml` would wipe
// everything, and a file they name would be read with the service account's rights. So under sudo
// these come from the installed configuration alone, and files are read from standard input,
// which the person's own shell opened with the person's own rights (`--message-file -`).
public import InboxCore

public enum SudoRestrictions {
    /// The environment variables that name paths or the configuration.
    static let pathVariables = [
        "INBOX_DATA_DIR", "INBOX_KEY_DIR", "INBOX_PRIVATE_KEY_DIR", "INBOX_POLICY", "INBOX_CONFIG", "INBOX_PASSPHRASE_FILE",
        "INBOX_SMTP_URL", "INBOX_SMTP_CA_FILE", "INBOX_SMTP_CREDENTIALS_FILE", "INBOX_DATABASE_URL", "INBOX_DATABASE_CA_FILE",
        "INBOX_DATABASE_PASSWORD_FILE", "INBOX_TEMPLATES_DIR", "INBOX_DIGEST_TO",
    ]

    /// Refuses an option that names a path; `-` (standard input) is allowed where `allowsStandardInput`.
    public static func refuse(_ value: String?, option: String, allowsStandardInput: Bool = false, sudo: SudoInvocation?) throws {
        guard let sudo, let value else { return }
        if allowsStandardInput && value == "-" { return }
        let instead =
            allowsStandardInput
            ? "; give the file on standard input instead: \(option) - < FILE"
            : "; it comes from \(InboxSettings.installedConfig)"
        throw ConfigurationError("\(option) is refused when \(sudo.user) runs inbox through sudo\(instead)")
    }

    public static func refuseEnvironment(_ environment: [String: String], sudo: SudoInvocation?) throws {
        guard let sudo else { return }
        for name in pathVariables where !(environment[name] ?? "").isEmpty {
            throw ConfigurationError("\(name) is refused when \(sudo.user) runs inbox through sudo; the installed configuration decides")
        }
    }
}
