// One sealed field the purge deletes: the record's row id (from a purge candidate) and the field.
public import InboxCrypto

public struct FieldToDelete: Sendable, Equatable {
    public let recordID: Int64
    public let field: RecordField

    public init(recordID: Int64, field: RecordField) {
        self.recordID = recordID
        self.field = field
    }
}
