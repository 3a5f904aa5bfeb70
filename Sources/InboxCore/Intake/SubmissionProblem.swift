// Why a submission was refused, one problem per field, with the message the form shows next to it.

public enum SubmissionProblem: String, Sendable, Equatable {
    case questionMissing
    case questionTooLong
    case emailTooLong
    case emailControlCharacters
    case emailInvalid

    /// The message for the citizen, in the form's language.
    public func message(swedish: Bool) -> String {
        switch self {
        case .questionMissing:
            swedish ? "Skriv din fråga." : "Please write your question."
        case .questionTooLong:
            swedish
                ? "Frågan får vara högst \(SubmissionValidator.maximumQuestionLength) tecken. Korta den, eller dela upp den på flera frågor."
                : "The question can be at most \(SubmissionValidator.maximumQuestionLength) characters. Shorten it, or split it into several questions."
        case .emailTooLong:
            swedish ? "E-postadressen är för lång." : "The email address is too long."
        case .emailControlCharacters:
            swedish
                ? "E-postadressen innehåller tecken som inte hör hemma där, till exempel radbrytningar."
                : "The email address contains characters that do not belong there, such as line breaks."
        case .emailInvalid:
            swedish
                ? "Skriv e-postadressen som namn@exempel.se, eller lämna fältet tomt."
                : "Write the email address as name@example.com, or leave the field empty."
        }
    }
}
