// Where the inbox's files are, read in one place for both executables: the command line first,
// then the environment, then the configuration file, then the defaults (SettingLayers).
public import Foundation
public import InboxCore
public import InboxCrypto
import InboxTOML

public struct InboxSettings: Sendable {
    /// The installed policy, used when there is no policy/default.toml below the working directory.
    public static let installedPolicy = "/etc/contact-inbox/policy.toml"
    /// The installed configuration (deploy/inbox.conf), used when no other is named, so that staff
    /// running `sudo -u contact-inbox inbox …` need no environment.
    public static let installedConfig = "/etc/contact-inbox/inbox.conf"

    public let dataDirectory: String
    public let keyDirectory: String
    public let privateKeyDirectory: String
    public let policyFile: String
    public let passphraseFile: String?
    /// The PostgreSQL database (`--database`), or nil for the SQLite file in the data directory.
    public let databaseURL: String?
    public let databaseCAFile: String?
    public let databasePasswordFile: String?
    /// Every setting's sources, for the settings only one executable reads (the server's
    /// listener, the relay of `inbox answer`).
    public let layers: SettingLayers
    /// Set whenever the environment says sudo started this command, believed or not: then paths
    /// come from the installed configuration only. Failing closed matters: where the parent process
    /// cannot be seen (a /proc mounted hidepid), a real sudo could not be told from a claimed one,
    /// and the restrictions must hold either way. (The audit log names a person only when the
    /// claim is verified: StaffIdentity.)
    public let sudo: SudoInvocation?

    /// The options that name paths, as the command line gave them (nil: not given).
    public struct PathOptions: Sendable {
        public var dataDirectory: String?
        public var keyDirectory: String?
        public var policy: String?
        public var config: String?
        public var privateKeyDirectory: String?
        public var passphraseFile: String?
        public var database: String?
        public var databaseCAFile: String?
        public var databasePasswordFile: String?

        public init(
            dataDirectory: String? = nil, keyDirectory: String? = nil, policy: String? = nil, config: String? = nil,
            privateKeyDirectory: String? = nil, passphraseFile: String? = nil, database: String? = nil, databaseCAFile: String? = nil,
            databasePasswordFile: String? = nil
        ) {
            self.database = database
            self.databaseCAFile = databaseCAFile
            self.databasePasswordFile = databasePasswordFile
            self.dataDirectory = dataDirectory
            self.keyDirectory = keyDirectory
            self.policy = policy
            self.config = config
            self.privateKeyDirectory = privateKeyDirectory
            self.passphraseFile = passphraseFile
        }
    }

    /// The settings of a command without private-key options (the server's, for one).
    public init(common: CommonOptions) throws {
        try self.init(options: common.paths)
    }

    public init(
        options: PathOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
        installedConfig: String = Self.installedConfig,
        sudo: SudoInvocation? = SudoInvocation.claimed(environment: ProcessInfo.processInfo.environment)
    ) throws {
        self.sudo = sudo
        let configPath: String?
        if sudo != nil {
            for (value, option) in [
                (options.dataDirectory, "--data-dir"), (options.keyDirectory, "--key-dir"), (options.policy, "--policy"),
                (options.config, "--config"), (options.privateKeyDirectory, "--private-key-dir"), (options.database, "--database"),
                (options.databaseCAFile, "--database-ca-file"), (options.databasePasswordFile, "--database-password-file"),
            ] {
                try SudoRestrictions.refuse(value, option: option, sudo: sudo)
            }
            try SudoRestrictions.refuse(options.passphraseFile, option: "--passphrase-file", allowsStandardInput: true, sudo: sudo)
            try SudoRestrictions.refuseEnvironment(environment, sudo: sudo)
            guard FileManager.default.fileExists(atPath: installedConfig) else {
                throw ConfigurationError("through sudo, inbox reads its settings from \(installedConfig) alone, and there is none")
            }
            configPath = installedConfig
        } else {
            configPath =
                options.config ?? environment["INBOX_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (FileManager.default.fileExists(atPath: installedConfig) ? installedConfig : nil)
        }
        let file: ConfigurationFile?
        do {
            file = try configPath.map { path throws(TOMLError) in try ConfigurationFile(path: path) }
        } catch {
            throw ConfigurationError("invalid configuration: \(error)")
        }
        let layers = SettingLayers(environment: environment, file: file)
        self.layers = layers

        dataDirectory = layers.value("data-dir", option: options.dataDirectory, variable: "INBOX_DATA_DIR") ?? "./var"
        keyDirectory = layers.value("key-dir", option: options.keyDirectory, variable: "INBOX_KEY_DIR") ?? "\(dataDirectory)/keys"
        privateKeyDirectory =
            layers.value("private-key-dir", option: options.privateKeyDirectory, variable: "INBOX_PRIVATE_KEY_DIR")
            ?? "\(dataDirectory)/private"
        // Under sudo the policy in the working directory is not looked for: it could be anyone's.
        policyFile =
            layers.value("policy", option: options.policy, variable: "INBOX_POLICY")
            ?? (sudo == nil && FileManager.default.fileExists(atPath: "policy/default.toml") ? "policy/default.toml" : Self.installedPolicy)
        passphraseFile = layers.value("passphrase-file", option: options.passphraseFile, variable: "INBOX_PASSPHRASE_FILE")
        databaseURL = layers.value("database", option: options.database, variable: "INBOX_DATABASE_URL")
        databaseCAFile = layers.value("database-ca-file", option: options.databaseCAFile, variable: "INBOX_DATABASE_CA_FILE")
        databasePasswordFile = layers.value(
            "database-password-file", option: options.databasePasswordFile, variable: "INBOX_DATABASE_PASSWORD_FILE")
    }

    /// The configuration file, if one was read.
    public var config: ConfigurationFile? { layers.file }

    public var databasePath: String { "\(dataDirectory)/inbox.sqlite" }

    public var keyHierarchy: KeyHierarchy {
        KeyHierarchy(keys: KeyDirectory(path: keyDirectory), privateKeys: PrivateKeyDirectory(path: privateKeyDirectory))
    }
}
