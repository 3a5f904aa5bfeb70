// What every staff command works with, built in one place: the configured inbox (settings, the
// policy in force, the key directory), and on demand the master key and the store.
import Foundation
public import InboxConfiguration
public import InboxCore
public import InboxCrypto
import InboxStore

public struct InboxEnvironment {
    public let inbox: ConfiguredInbox

    /// Reads the settings and the policy; an invalid policy stops the command with its line.
    public init(common: CommonOptions) throws {
        try self.init(common: common, privateKeys: nil)
    }

    init(common: CommonOptions, privateKeys: PrivateKeyOptions?) throws {
        var paths = common.paths
        paths.privateKeyDirectory = privateKeys?.privateKeyDirectory
        paths.passphraseFile = privateKeys?.passphraseFile
        let settings = try InboxSettings(options: paths)
        if let claimed = settings.sudo, StaffIdentity.current.sudo == nil {
            // Set by hand, left over in a shell sudo started, or a parent that cannot be seen: not
            // believed for the audit log, and said so; the restrictions of sudo apply all the same.
            TerminalPrompt.writeStandardError(
                "Note: SUDO_USER says \(TerminalSafeText.render(claimed.user)), but inbox cannot see that sudo started it; "
                    + "the audit log names the account \(StaffIdentity.current.user).\n")
        }
        inbox = try ConfiguredInbox(settings: settings)
    }

    public var settings: InboxSettings { inbox.settings }
    public var policy: LoadedPolicy { inbox.policy }
    public var databasePath: String { inbox.databasePath }
    public var keyHierarchy: KeyHierarchy { inbox.keyHierarchy }
    public var keys: KeyDirectory { inbox.keys }
    public var epochCalendar: EpochCalendar { get throws { try inbox.epochCalendar } }

    /// Asks for (or reads) the passphrase once and opens the master key: the one expensive
    /// passphrase check of a command.
    func openMasterKey() throws -> MasterPrivateKey {
        let passphrase = try PassphraseReader(file: settings.passphraseFile, purpose: "the master key").existing()
        return try keyHierarchy.openMasterKey(passphrase: passphrase)
    }

    /// The audit log every use case of a command writes to.
    func auditLog(_ store: any LogStore) -> AuditLog {
        AuditLog(store: store, keys: keys)
    }
}
