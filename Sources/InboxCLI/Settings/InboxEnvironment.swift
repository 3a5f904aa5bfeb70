// What every command works with, built in one place: the settings, the policy in force (a command
// refuses to start on an invalid one), the store and the key directories.
import Foundation
public import InboxCore
public import InboxCrypto
import InboxPolicy
import InboxStore

public struct InboxEnvironment {
    public let settings: InboxSettings
    public let policy: LoadedPolicy

    /// Reads the settings and the policy; an invalid policy stops the command with its line.
    public init(common: CommonOptions) throws {
        try self.init(common: common, privateKeys: nil)
    }

    init(common: CommonOptions, privateKeys: PrivateKeyOptions?) throws {
        settings = try InboxSettings(common: common, privateKeys: privateKeys)
        if let claimed = settings.sudo, StaffIdentity.current.sudo == nil {
            // Set by hand, left over in a shell sudo started, or a parent that cannot be seen: not
            // believed for the audit log, and said so; the restrictions of sudo apply all the same.
            TerminalPrompt.writeStandardError(
                "Note: SUDO_USER says \(TerminalSafeText.render(claimed.user)), but inbox cannot see that sudo started it; "
                    + "the audit log names the account \(StaffIdentity.current.user).\n")
        }
        policy = try Self.loadPolicy(settings.policyFile)
        try checkEpochLength()
    }

    public static func loadPolicy(_ path: String) throws -> LoadedPolicy {
        do {
            return try LoadedPolicy.load(path: path)
        } catch let error as PolicyError {
            throw CLIError("invalid policy: \(error)")
        }
    }

    public var databasePath: String { "\(settings.dataDirectory)/inbox.sqlite" }
    public var keyHierarchy: KeyHierarchy { settings.keyHierarchy }
    public var keys: KeyDirectory { keyHierarchy.keys }

    /// The epoch length the policy sets, as the key calendar.
    public var epochCalendar: EpochCalendar {
        get throws { try EpochCalendar(monthsPerEpoch: policy.policy.epochMonths) }
    }

    /// Asks for (or reads) the passphrase once and opens the master key: the one expensive
    /// passphrase check of a command.
    func openMasterKey() throws -> MasterPrivateKey {
        let passphrase = try PassphraseReader(file: settings.passphraseFile, purpose: "the master key").existing()
        return try keyHierarchy.openMasterKey(passphrase: passphrase)
    }

    /// Opens the inbox's database, which `inbox keys init` created.
    func openStore() throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIError("no database at \(databasePath); create the inbox with `inbox keys init` or pass --data-dir")
        }
        return try SQLiteStore(path: databasePath)
    }

    /// Epoch numbers are fixed when an inbox is created; a policy that later sets another length
    /// would make them ambiguous, so it is refused.
    public func checkEpochLength() throws {
        guard keys.isInitialized else { return }
        let inUse = try keys.calendar().monthsPerEpoch
        guard inUse == policy.policy.epochMonths else {
            throw CLIError(
                "the policy sets key epochs of \(policy.policy.epochMonths) month(s), but this inbox's keys use \(inUse); "
                    + "an inbox keeps the epoch length it was created with")
        }
    }
}
