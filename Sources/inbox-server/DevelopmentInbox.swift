// A throwaway inbox for a workstation, so that `swift run inbox-server --development` works on a
// fresh clone. Its passphrase is written next to the master key, which is exactly what production
// must never do: hence the loud log line and the refusal under INBOX_ENVIRONMENT=production.
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore
import Logging

enum DevelopmentInbox {
    static func createIfMissing(settings: InboxSettings, logger: Logger) throws {
        let hierarchy = settings.keyHierarchy
        guard !hierarchy.keys.isInitialized else { return }
        try FileManager.default.createDirectory(
            atPath: settings.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let passphrase = try SecureRandom.bytes(count: 24).map { String(format: "%02x", $0) }.joined()
        let calendar = try InboxEnvironmentPolicy.calendar(settings)
        let epochs = try hierarchy.initialize(passphrase: SecretBytes(copying: Array(passphrase.utf8)), calendar: calendar, now: Date())
        let passphraseFile = "\(hierarchy.privateKeys.path)/development-passphrase"
        guard
            FileManager.default.createFile(
                atPath: passphraseFile, contents: Data((passphrase + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw ConfigurationError("cannot write \(passphraseFile)")
        }
        logger.warning(
            "DEVELOPMENT MODE: created a throwaway inbox; its passphrase is stored beside the master key. Never use this inbox for real questions.",
            metadata: ["data-dir": "\(settings.dataDirectory)", "passphrase-file": "\(passphraseFile)", "epochs": "\(epochs.count)"])
    }
}

/// The epoch length the configured policy sets.
enum InboxEnvironmentPolicy {
    static func calendar(_ settings: InboxSettings) throws -> EpochCalendar {
        let policy = try ConfiguredInbox.loadPolicy(settings.policyFile)
        return try EpochCalendar(monthsPerEpoch: policy.policy.epochMonths)
    }
}
