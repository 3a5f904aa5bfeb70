// Where the inbox's files are, read in one place: the command line first, then the environment,
// then the configuration file, then the defaults.
import Foundation
import InboxCrypto

struct InboxSettings {
    /// The installed policy, used when there is no policy/default.toml below the working directory.
    static let installedPolicy = "/etc/contact-inbox/policy.toml"

    let dataDirectory: String
    let keyDirectory: String
    let privateKeyDirectory: String
    let policyFile: String
    let passphraseFile: String?

    init(
        common: CommonOptions, privateKeys: PrivateKeyOptions? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let configPath = common.config ?? environment["INBOX_CONFIG"]
        let config = try configPath.map { try ConfigFile(path: $0) }

        func setting(_ option: String?, env: String, config name: String) -> String? {
            option ?? environment[env].flatMap { $0.isEmpty ? nil : $0 } ?? config?.values[name]
        }

        dataDirectory = setting(common.dataDirectory, env: "INBOX_DATA_DIR", config: "data-dir") ?? "./var"
        keyDirectory = setting(common.keyDirectory, env: "INBOX_KEY_DIR", config: "key-dir") ?? "\(dataDirectory)/keys"
        privateKeyDirectory =
            setting(privateKeys?.privateKeyDirectory, env: "INBOX_PRIVATE_KEY_DIR", config: "private-key-dir") ?? "\(dataDirectory)/private"
        policyFile =
            setting(common.policy, env: "INBOX_POLICY", config: "policy")
            ?? (FileManager.default.fileExists(atPath: "policy/default.toml") ? "policy/default.toml" : Self.installedPolicy)
        passphraseFile = setting(privateKeys?.passphraseFile, env: "INBOX_PASSPHRASE_FILE", config: "passphrase-file")
    }

    var keyHierarchy: KeyHierarchy {
        KeyHierarchy(keys: KeyDirectory(path: keyDirectory), privateKeys: PrivateKeyDirectory(path: privateKeyDirectory))
    }
}
