// Where the inbox's files are, read in one place: the command line first, then the environment,
// then the configuration file, then the defaults.
import Foundation
public import InboxCore
public import InboxCrypto

public struct InboxSettings {
    /// The installed policy, used when there is no policy/default.toml below the working directory.
    static let installedPolicy = "/etc/contact-inbox/policy.toml"
    /// The installed configuration (deploy/inbox.conf), used when no other is named, so that staff
    /// running `sudo -u contact-inbox inbox …` need no environment.
    static let installedConfig = "/etc/contact-inbox/inbox.conf"

    public let dataDirectory: String
    public let keyDirectory: String
    public let privateKeyDirectory: String
    public let policyFile: String
    public let passphraseFile: String?
    /// The configuration file, for settings only one executable reads (the server's listener).
    public let config: ConfigFile?
    /// The environment the settings were read from, for `setting(_:env:config:)`.
    let environment: [String: String]
    /// Set whenever the environment says sudo started this command, believed or not: then paths
    /// come from the installed configuration only. Failing closed matters: where the parent process
    /// cannot be seen (a /proc mounted hidepid), a real sudo could not be told from a claimed one,
    /// and the restrictions must hold either way. (The audit log names a person only when the
    /// claim is verified: StaffIdentity.)
    public let sudo: SudoInvocation?

    /// The settings of a command without private-key options (the server's, for one).
    public init(common: CommonOptions) throws {
        try self.init(common: common, privateKeys: nil)
    }

    init(
        common: CommonOptions, privateKeys: PrivateKeyOptions?, environment: [String: String] = ProcessInfo.processInfo.environment,
        installedConfig: String = Self.installedConfig,
        sudo: SudoInvocation? = SudoInvocation.claimed(environment: ProcessInfo.processInfo.environment)
    ) throws {
        self.sudo = sudo
        let configPath: String?
        if sudo != nil {
            for (value, option) in [
                (common.dataDirectory, "--data-dir"), (common.keyDirectory, "--key-dir"), (common.policy, "--policy"),
                (common.config, "--config"), (privateKeys?.privateKeyDirectory, "--private-key-dir"),
            ] {
                try SudoRestrictions.refuse(value, option: option, sudo: sudo)
            }
            try SudoRestrictions.refuse(privateKeys?.passphraseFile, option: "--passphrase-file", allowsStandardInput: true, sudo: sudo)
            try SudoRestrictions.refuseEnvironment(environment, sudo: sudo)
            guard FileManager.default.fileExists(atPath: installedConfig) else {
                throw CLIError("through sudo, inbox reads its settings from \(installedConfig) alone, and there is none")
            }
            configPath = installedConfig
        } else {
            configPath =
                common.config ?? environment["INBOX_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (FileManager.default.fileExists(atPath: installedConfig) ? installedConfig : nil)
        }
        let config = try configPath.map { try ConfigFile(path: $0) }
        self.config = config
        self.environment = environment
        func setting(_ option: String?, env: String, config name: String) -> String? {
            Self.value(option, env: env, config: name, environment: environment, file: config)
        }

        dataDirectory = setting(common.dataDirectory, env: "INBOX_DATA_DIR", config: "data-dir") ?? "./var"
        keyDirectory = setting(common.keyDirectory, env: "INBOX_KEY_DIR", config: "key-dir") ?? "\(dataDirectory)/keys"
        privateKeyDirectory =
            setting(privateKeys?.privateKeyDirectory, env: "INBOX_PRIVATE_KEY_DIR", config: "private-key-dir") ?? "\(dataDirectory)/private"
        // Under sudo the policy in the working directory is not looked for: it could be anyone's.
        policyFile =
            setting(common.policy, env: "INBOX_POLICY", config: "policy")
            ?? (sudo == nil && FileManager.default.fileExists(atPath: "policy/default.toml") ? "policy/default.toml" : Self.installedPolicy)
        passphraseFile = setting(privateKeys?.passphraseFile, env: "INBOX_PASSPHRASE_FILE", config: "passphrase-file")
    }

    /// One setting for a command's own options (the mail settings of `inbox answer`), resolved as
    /// these were.
    func setting(_ option: String?, env: String, config name: String) -> String? {
        Self.value(option, env: env, config: name, environment: environment, file: config)
    }

    /// The option if given, else the environment variable (when not empty), else the file's value.
    static func value(_ option: String?, env: String, config name: String, environment: [String: String], file: ConfigFile?) -> String? {
        option ?? environment[env].flatMap { $0.isEmpty ? nil : $0 } ?? file?.values[name]
    }

    public var keyHierarchy: KeyHierarchy {
        KeyHierarchy(keys: KeyDirectory(path: keyDirectory), privateKeys: PrivateKeyDirectory(path: privateKeyDirectory))
    }
}
