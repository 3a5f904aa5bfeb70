// The policy's name for each sealed record field, so that every use case asks the policy about a
// field the same way.
public import InboxCrypto
public import InboxPolicy

extension PolicyField {
    public init(_ field: RecordField) {
        switch field {
        case .email: self = .email
        case .question: self = .question
        case .answer: self = .answer
        }
    }
}
