// One topic a citizen may choose on the form (`[topics.NAME]`): its labels, and a time to answer of
// its own when the topic needs a quicker (or a slower) answer than the policy's `[cases]` default.

public struct Topic: Sendable, Equatable {
    /// The name the form posts and the store keeps: lower-case ASCII letters, digits and hyphens.
    public let name: String
    /// What the form shows.
    public let label: LocalizedText
    /// Nil: the policy's `[cases] answer_within` applies.
    public let answerWithin: AnswerWithin?

    public init(name: String, label: LocalizedText, answerWithin: AnswerWithin? = nil) {
        self.name = name
        self.label = label
        self.answerWithin = answerWithin
    }

    /// At most this many characters: a topic's name is stored with every case and its register entry.
    public static let maximumNameLength = 40

    /// Whether `name` could be a topic's name (the loader refuses any other; the intake drops it).
    public static func isValidName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.utf8.count <= maximumNameLength && name.utf8.first != UInt8(ascii: "-")
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
    }
}
