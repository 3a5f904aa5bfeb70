// One entry of the audit log (docs/SECURITY.md, guarantee 6): who, when, what, on which record, for which
// purpose. No personal data of the citizen: a reference is not personal data on its own.
public import Foundation
public import InboxPolicy

public struct AuditEntry: Sendable, Codable, Equatable {
    public let at: Date
    /// The real user id of the process and its user name.
    public let uid: UInt32
    public let user: String
    /// `SUDO_USER` when the command ran through sudo: the person who claims the action.
    public let claimedBy: String?
    public let action: AuditAction
    public let reference: String?
    public let purpose: ProcessingPurpose?
    /// The staff member's stated reason, where a command asks for one (revealing an address).
    public let reason: String?
    /// Whose claim a take-over ended. Absent from every other entry, so older entries hash as
    /// they always did.
    public let tookOverFrom: String?

    public init(
        at: Date, uid: UInt32, user: String, claimedBy: String?, action: AuditAction, reference: String?, purpose: ProcessingPurpose?,
        reason: String? = nil, tookOverFrom: String? = nil
    ) {
        self.at = at
        self.uid = uid
        self.user = user
        self.claimedBy = claimedBy
        self.action = action
        self.reference = reference
        self.purpose = purpose
        self.reason = reason
        self.tookOverFrom = tookOverFrom
    }

    enum CodingKeys: String, CodingKey {
        case at, uid, user, action, reference, purpose, reason
        case claimedBy = "claimed_by"
        case tookOverFrom = "took_over_from"
    }
}
