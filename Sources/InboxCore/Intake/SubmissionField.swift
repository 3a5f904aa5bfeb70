// The fields of the public form, as the form names them.

public enum SubmissionField: String, Sendable, CaseIterable {
    case email, question
}
