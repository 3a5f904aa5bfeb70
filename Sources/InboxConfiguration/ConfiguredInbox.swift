// The inbox the settings name: its policy, loaded and checked (an executable refuses to start on
// an invalid one, naming its line), its key directory and its database. Both executables start
// from it; the staff tool adds the private keys (InboxEnvironment).
import Foundation
public import InboxCore
public import InboxCrypto
import InboxPolicy

public struct ConfiguredInbox: Sendable {
    public let settings: InboxSettings
    public let policy: LoadedPolicy

    public init(settings: InboxSettings) throws {
        self.settings = settings
        policy = try Self.loadPolicy(settings.policyFile)
        try checkEpochLength()
    }

    public static func loadPolicy(_ path: String) throws -> LoadedPolicy {
        do {
            return try LoadedPolicy.load(path: path)
        } catch let error as PolicyError {
            throw ConfigurationError("invalid policy: \(error)")
        }
    }

    public var databasePath: String { settings.databasePath }
    public var keyHierarchy: KeyHierarchy { settings.keyHierarchy }
    public var keys: KeyDirectory { keyHierarchy.keys }

    /// The epoch length the policy sets, as the key calendar.
    public var epochCalendar: EpochCalendar {
        get throws { try EpochCalendar(monthsPerEpoch: policy.policy.epochMonths) }
    }

    /// Epoch numbers are fixed when an inbox is created; a policy that later sets another length
    /// would make them ambiguous, so it is refused.
    public func checkEpochLength() throws {
        guard keys.isInitialized else { return }
        let inUse = try keys.calendar().monthsPerEpoch
        guard inUse == policy.policy.epochMonths else {
            throw ConfigurationError(
                "the policy sets key epochs of \(policy.policy.epochMonths) month(s), but this inbox's keys use \(inUse); "
                    + "an inbox keeps the epoch length it was created with")
        }
    }
}
