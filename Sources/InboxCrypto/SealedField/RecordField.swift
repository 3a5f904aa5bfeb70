// The personal fields of a record; each is sealed to a key of its own (epoch, field) pair.

/// A sealed field's name. The raw value is the ASCII name bound into the AAD and used in key file
/// names, so it never changes once shipped.
public enum RecordField: String, CaseIterable, Sendable, Codable {
    case email
    case question
    case answer
}
