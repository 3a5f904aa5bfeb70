// The language a citizen used on the form, recorded at intake so that staff answer in it. It is
// the page's language (Swedish or English), not personal data.

public enum CaseLanguage: String, Sendable, CaseIterable, Codable {
    case sv, en
}
