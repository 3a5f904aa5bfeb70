// A contact for data protection questions (GDPR art. 13.1 b).

public struct Contact: Sendable, Equatable {
    public let name: String
    public let email: String
    public let phone: String?
}
