// The rules a submission must meet before anything is sealed or stored: a question of 1 to 5,000
// characters, and an optional email address that is a plain addr-spec of at most 254 octets.
import Glibc

public struct ValidSubmission: Sendable, Equatable {
    public let question: String
    public let email: String?
}

public enum SubmissionValidator {
    public static let maximumQuestionLength = 5_000
    /// RFC 5321's limit on a forward path, less the angle brackets.
    public static let maximumEmailOctets = 254
    static let maximumLocalPartOctets = 64

    /// The submission, trimmed and normalised, or the problems per field.
    public static func validate(question rawQuestion: String?, email rawEmail: String?) -> Result<ValidSubmission, SubmissionErrors> {
        var problems: [SubmissionField: SubmissionProblem] = [:]
        // Line ends as the browser sends them (CRLF) become plain newlines. Standard-library string
        // work only: this runs on every submission, and Foundation's bridging costs more than the seal.
        var question = trimmed(rawQuestion ?? "")
        if containsCarriageReturn(question) { question = question.replacing("\r\n", with: "\n") }
        if question.isEmpty {
            problems[.question] = .questionMissing
        } else if question.utf8.count > maximumQuestionLength  // no more characters than octets: O(1) for most questions
            && question.unicodeScalars.count > maximumQuestionLength && question.count > maximumQuestionLength
        {
            problems[.question] = .questionTooLong
        }

        let email = trimmed(rawEmail ?? "")
        if !email.isEmpty, let problem = problem(withEmail: email) {
            problems[.email] = problem
        }
        guard problems.isEmpty else { return .failure(SubmissionErrors(problems: problems)) }
        return .success(ValidSubmission(question: question, email: email.isEmpty ? nil : email))
    }

    /// Whether the text holds a CR, looked for with memchr in the string's own storage (a native
    /// string's always is contiguous) rather than byte by byte through its UTF-8 view.
    static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 13, bytes.count) != nil
        }
    }

    /// Without leading and trailing white space and line ends.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    static func problem(withEmail email: String) -> SubmissionProblem? {
        if email.unicodeScalars.contains(where: isControlOrFormat) { return .emailControlCharacters }
        if email.utf8.count > maximumEmailOctets { return .emailTooLong }
        guard let at = email.lastIndex(of: "@") else { return .emailInvalid }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        guard isDotAtom(local, allowing: isLocalCharacter), local.utf8.count <= maximumLocalPartOctets else { return .emailInvalid }
        guard isDomain(domain) else { return .emailInvalid }
        return nil
    }

    /// A control or format character (Cc, Cf). ASCII is answered by its code (it has controls and
    /// no format characters): the Unicode property lookup is kept for the rest, since every
    /// submission's address passes here.
    static func isControlOrFormat(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        return scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }

    /// An ASCII letter or digit: what `isAlphabetic` and the digits are within ASCII.
    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// atext of RFC 5322, plus any non-ASCII letter (RFC 6531 addresses).
    private static func isLocalCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if !scalar.isASCII { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        return isASCIIAlphanumeric(scalar) || "!#$%&'*+/=?^_`{|}~-".unicodeScalars.contains(scalar)
    }

    private static func isDotAtom(_ text: Substring, allowing isAllowed: (Unicode.Scalar) -> Bool) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAllowed) }
    }

    /// At least two labels of letters (any script, for internationalised domains), digits and
    /// inner hyphens, each at most 63 characters.
    private static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy {
                    $0.isASCII ? isASCIIAlphanumeric($0) || $0 == "-" : $0.properties.isAlphabetic
                }
        }
    }
}

/// The problems of a refused submission, per field.
public struct SubmissionErrors: Error, Sendable, Equatable {
    public let problems: [SubmissionField: SubmissionProblem]
}
