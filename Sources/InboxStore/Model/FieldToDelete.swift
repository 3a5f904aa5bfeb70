// One sealed field the purge deletes: the record's row id (from a purge candidate) and the field.
public import Foundation
public import InboxCrypto

public struct FieldToDelete: Sendable, Equatable {
    public let recordID: Int64
    public let field: RecordField
    /// Set when the spam rule decided: the field goes only if the case is still spam since this
    /// moment when the deletion runs. Staff may have returned it to the queue (`inbox not-spam`),
    /// or marked it again later, after the purge planned.
    public let spamSince: Date?

    public init(recordID: Int64, field: RecordField, spamSince: Date? = nil) {
        self.recordID = recordID
        self.field = field
        self.spamSince = spamSince
    }
}
