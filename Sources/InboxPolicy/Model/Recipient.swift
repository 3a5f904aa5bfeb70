// Who else sees personal data while the inbox works.

/// Who else sees personal data (GDPR art. 13.1 e), such as the mail relay.
public struct Recipient: Sendable, Equatable {
    public let name: String
    public let description: LocalizedText
    public let fields: [PolicyField]
}
