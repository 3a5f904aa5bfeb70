// The options every command of both executables accepts (docs/ARCHITECTURE.md "The command-line contract").
public import ArgumentParser

public struct CommonOptions: ParsableArguments {
    public init() {}

    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp("The inbox's data directory (env INBOX_DATA_DIR, default ./var).", valueName: "dir"))
    public var dataDirectory: String?

    @Option(
        name: .customLong("key-dir"), help: ArgumentHelp("The key directory (env INBOX_KEY_DIR, default DATA_DIR/keys).", valueName: "dir"))
    public var keyDirectory: String?

    @Option(
        name: .customLong("policy"),
        help: ArgumentHelp(
            "The retention policy (env INBOX_POLICY; default policy/default.toml, else /etc/contact-inbox/policy.toml).",
            valueName: "file"))
    public var policy: String?

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("A TOML configuration file of `name = \"value\"` settings (env INBOX_CONFIG).", valueName: "file"))
    public var config: String?

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL database, postgres://USER@HOST:PORT/DB (TLS verified by default; env INBOX_DATABASE_URL; default the SQLite file in DATA_DIR).",
            valueName: "url"))
    public var database: String?

    @Option(
        name: .customLong("database-ca-file"),
        help: ArgumentHelp("The CA certificates that vouch for the database server (env INBOX_DATABASE_CA_FILE).", valueName: "file"))
    public var databaseCAFile: String?

    @Option(
        name: .customLong("database-password-file"),
        help: ArgumentHelp(
            "The database password, the first line of a file of mode 0600 (env INBOX_DATABASE_PASSWORD_FILE).", valueName: "file"))
    public var databasePasswordFile: String?

    /// The paths these options name, for InboxSettings.
    public var paths: InboxSettings.PathOptions {
        InboxSettings.PathOptions(
            dataDirectory: dataDirectory, keyDirectory: keyDirectory, policy: policy, config: config, database: database,
            databaseCAFile: databaseCAFile, databasePasswordFile: databasePasswordFile)
    }
}
