// What each event means, in English, for the documents whose rules name events by their policy
// names ("30 days after closed"): a reader of the record should not have to guess.

extension RetentionEvent {
    public var meaning: String {
        switch self {
        case .received: "the question was received"
        case .answered: "staff sent the answer"
        case .closed: "the case was closed without an answer (forwarded to another agency, or no answer needed)"
        case .recorded: "the audit entry was written"
        }
    }

    /// The events that the rules of `fields` name, in the order of `allCases`: a document's legend.
    static func named(in fields: [FieldPolicy]) -> [RetentionEvent] {
        let named = Set(fields.flatMap { $0.retention.map(\.event) })
        return allCases.filter(named.contains)
    }
}
