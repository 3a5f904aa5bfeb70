// What one purge run did: the body of its purge-log entry, with no personal data (references,
// counts, epochs and the policy digest only).
public import Foundation

public struct PurgeReport: Sendable, Codable, Equatable {
    public let ranAt: Date
    public let policyDigest: String
    /// The digest of the policy of the previous run, when it differs: a changed retention applied.
    public let previousPolicyDigest: String?
    /// Fields deleted, per field name.
    public let deletedFields: [String: Int]
    /// Records with at least one field deleted.
    public let referencesAffected: [String]
    /// Records deleted whole because no field was left.
    public let recordsDeleted: [String]
    /// Records erased again from the suppression list (after a restore).
    public let suppressionReapplied: [String]
    /// "202611/email".
    public let keysDestroyed: [String]
    public let epochsCreated: [UInt32]
    /// Audit entries removed under the policy (nil in reports written before audit retention).
    public let auditEntriesRemoved: Int?
    /// Keys whose files could not all be deleted this run ("202611/email: cannot delete …"); the
    /// next run tries again. Nil in reports written before destruction was retried.
    public let keysFailed: [String]?
    /// Held records whose hold the release list says was released (a restored database brought the
    /// hold back): their hold is cleared and the policy applies to them again.
    public let holdsReapplied: [String]?
    /// The boot clock when the run began, for the next run's clock check (nil before it was kept).
    public let boot: BootTime?
    /// Register entries deleted by the policy's `[register]` rule (nil before the register).
    public var registerEntriesRemoved: Int? = nil

    enum CodingKeys: String, CodingKey {
        case ranAt = "ran_at"
        case policyDigest = "policy_digest"
        case previousPolicyDigest = "previous_policy_digest"
        case deletedFields = "deleted_fields"
        case referencesAffected = "references_affected"
        case recordsDeleted = "records_deleted"
        case suppressionReapplied = "suppression_reapplied"
        case keysDestroyed = "keys_destroyed"
        case epochsCreated = "epochs_created"
        case auditEntriesRemoved = "audit_entries_removed"
        case keysFailed = "keys_failed"
        case holdsReapplied = "holds_reapplied"
        case boot
        case registerEntriesRemoved = "register_entries_removed"
    }

    public var policyChanged: Bool { previousPolicyDigest != nil }
}
