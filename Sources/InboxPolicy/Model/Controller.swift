// The controller of the personal data (GDPR art. 4.7), as the notice names it.

/// The controller and the contacts the notice names.
public struct Controller: Sendable, Equatable {
    public let name: String
    public let organisationNumber: String?
    public let address: String
    public let email: String
    public let phone: String?
}
