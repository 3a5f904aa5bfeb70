// The policy of every field the inbox stores, one each: looking one up cannot fail.

public struct FieldPolicies: Sendable, Equatable {
    public let email: FieldPolicy
    public let question: FieldPolicy
    public let answer: FieldPolicy
    public let audit: FieldPolicy

    /// Nil unless `fields` holds a policy for each of the four fields (the loader reports which
    /// one is missing, with its line, before it gets here).
    init?(_ fields: [FieldPolicy]) {
        func policy(_ field: PolicyField) -> FieldPolicy? { fields.first { $0.field == field } }
        guard let email = policy(.email), let question = policy(.question), let answer = policy(.answer), let audit = policy(.audit)
        else { return nil }
        self.email = email
        self.question = question
        self.answer = answer
        self.audit = audit
    }

    public subscript(field: PolicyField) -> FieldPolicy {
        switch field {
        case .email: email
        case .question: question
        case .answer: answer
        case .audit: audit
        }
    }

    /// In the order of `PolicyField.allCases`.
    public var all: [FieldPolicy] { PolicyField.allCases.map { self[$0] } }
}
