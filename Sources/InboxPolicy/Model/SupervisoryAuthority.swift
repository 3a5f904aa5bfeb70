// The supervisory authority a citizen may complain to (GDPR art. 13.2 d).

public struct SupervisoryAuthority: Sendable, Equatable {
    public let name: String
    public let url: String
}
