// One template as the templates directory holds it: its name and the languages it is written in,
// for `inbox answer --template`'s errors and for completion.
public import InboxStore

public struct TemplateListing: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    /// In `CaseLanguage.allCases` order: Swedish first.
    public let languages: [CaseLanguage]

    public init(name: String, languages: [CaseLanguage]) {
        self.name = name
        self.languages = languages
    }

    /// `interim (sv, en)`.
    public var description: String {
        "\(name) (\(languages.map(\.rawValue).joined(separator: ", ")))"
    }
}
