// The placeholders a template may use, as written between `{{` and `}}`. A closed set: a misspelt
// placeholder is an error when the template is used, not a stray `{{namn}}` in a letter to a citizen.

public enum TemplatePlaceholder: String, Sendable, CaseIterable {
    case reference
    case received
    case staffName = "staff_name"
    case due

    /// `{{reference}}`, as a template writes it.
    public var written: String { "{{\(rawValue)}}" }
}
