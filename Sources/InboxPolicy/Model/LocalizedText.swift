// Text a citizen reads, in both languages of the form: Swedish and English.

public struct LocalizedText: Sendable, Equatable {
    public let sv: String
    public let en: String

    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    public subscript(language: NoticeLanguage) -> String {
        language == .sv ? sv : en
    }
}

/// The languages of the form and of the generated notice.
public enum NoticeLanguage: String, Sendable, CaseIterable {
    case sv, en
}
