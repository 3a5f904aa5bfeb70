// A purpose of processing (GDPR art. 5.1 b), with its legal basis (art. 6).

public struct Purpose: Sendable, Equatable {
    /// The name fields and commands use (`answering`).
    public let id: String
    public let description: LocalizedText
    public let legalBasis: LocalizedText
}
