// Where a submission came from and what it is about: the topic the citizen chose and the path of
// the agency's page the form was on. Kept in clear with the record and in its register entry;
// neither is personal data, and both are checked before they get here (the intake drops a value
// that is not one).

public struct SubmissionOrigin: Sendable, Equatable {
    /// A topic name of the policy, or nil.
    public let topic: String?
    /// A path on the agency's site ("/om-oss/kontakt"), or nil.
    public let page: String?

    public init(topic: String? = nil, page: String? = nil) {
        self.topic = topic
        self.page = page
    }
}
