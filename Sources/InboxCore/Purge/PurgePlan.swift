// What a purge will delete and destroy, and by which rule: the dry run prints it, the real run
// carries it out.
public import Foundation
public import InboxCrypto
public import InboxStore

public struct PurgePlan: Sendable {
    /// One field past its deadline.
    public struct FieldExpiry: Sendable, Equatable {
        public let recordID: Int64
        public let reference: Reference
        public let field: RecordField
        public let deadline: Date
        /// "30 days after answered", "hard maximum 90 days after received".
        public let rule: String
        /// For the spam rule: the time the case became spam that the deadline counted from.
        public var spamSince: Date? = nil
    }

    /// One (epoch, field) key past the epoch's end plus the field's hard maximum.
    public struct KeyExpiry: Sendable, Equatable {
        public let epoch: UInt32
        public let field: RecordField
        public let due: Date
    }

    public let asOf: Date
    public let fields: [FieldExpiry]
    public let keys: [KeyExpiry]
    /// References on the suppression list still present in the database.
    public let suppressed: [Reference]
}
