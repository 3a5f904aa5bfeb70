// The public form: the question, the optional address with the privacy notice beside it, and a
// field people never see (the honeypot). Errors are linked to their fields for screen readers.
import InboxCore
import InboxPolicy

struct FormPage {
    static let honeypotField = "website"

    let language: PageLanguage
    let notice: PrivacyNotice
    var question = ""
    var email = ""
    var problems: [SubmissionField: SubmissionProblem] = [:]
    /// Why a valid submission could not be taken (the store, the rate limit): said first, where a
    /// screen reader announces it, with the question and address kept below.
    var refusal: (title: String, message: String)? = nil

    func render() -> String {
        let text = PageText(language: language)
        var body = "<h1>\(text.formTitle)</h1>\n"
        if let refusal {
            body +=
                "<div class=\"summary\" role=\"alert\"><h2>\(HTML.escape(refusal.title))</h2><p>\(HTML.escape(refusal.message))</p></div>\n"
        }
        if !problems.isEmpty {
            let items = SubmissionField.allCases.compactMap { field in
                problems[field].map {
                    "<li><a href=\"#\(field.rawValue)\">\(HTML.escape($0.message(swedish: language.isSwedish)))</a></li>"
                }
            }
            body += "<div class=\"summary\" role=\"alert\"><h2>\(text.errorTitle)</h2><ul>\(items.joined())</ul></div>\n"
        }
        body += "<form method=\"post\" action=\"/?lang=\(language.rawValue)\" novalidate>\n"
        body += field(.question, label: text.questionLabel, hint: text.questionHint) { describedBy, invalid in
            "<textarea id=\"question\" name=\"question\" rows=\"10\" maxlength=\"\(SubmissionValidator.maximumQuestionLength)\" required aria-required=\"true\" aria-describedby=\"\(describedBy)\"\(invalid)>\(HTML.escape(question))</textarea>"
        }
        body += field(.email, label: text.emailLabel, hint: text.emailHint, extraDescription: "privacy-heading") { describedBy, invalid in
            "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" maxlength=\"\(SubmissionValidator.maximumEmailOctets)\" aria-describedby=\"\(describedBy)\"\(invalid) value=\"\(HTML.escape(email))\">"
        }
        body += """
            <div class="trap" aria-hidden="true"><label for="\(Self.honeypotField)">\(text.honeypotLabel)</label>\
            <input id="\(Self.honeypotField)" name="\(Self.honeypotField)" type="text" tabindex="-1" autocomplete="off"></div>
            <button type="submit">\(text.submit)</button>
            </form>

            """
        body += NoticeSection.render(notice)
        let title =
            if let refusal { "\(refusal.title): \(text.formTitle)" } else if problems.isEmpty { text.formTitle } else {
                "\(text.errorTitle): \(text.formTitle)"
            }
        return PageLayout.render(language: language, title: title, switchPath: "/?", body: body)
    }

    private func field(
        _ field: SubmissionField, label: String, hint: String, extraDescription: String? = nil, control: (String, String) -> String
    ) -> String {
        let name = field.rawValue
        var describedBy = ["\(name)-hint"]
        if let extraDescription { describedBy.append(extraDescription) }
        var html = "<label for=\"\(name)\">\(HTML.escape(label))</label>\n<p id=\"\(name)-hint\" class=\"hint\">\(HTML.escape(hint))</p>\n"
        var invalid = ""
        if let problem = problems[field] {
            describedBy.insert("\(name)-error", at: 0)
            invalid = " aria-invalid=\"true\""
            html += "<p id=\"\(name)-error\" class=\"error\">\(HTML.escape(problem.message(swedish: language.isSwedish)))</p>\n"
        }
        return html + control(describedBy.joined(separator: " "), invalid) + "\n"
    }
}

/// The privacy notice generated from the policy, exactly as `inbox policy notice` prints it.
enum NoticeSection {
    static func render(_ notice: PrivacyNotice) -> String {
        var html = "<section aria-labelledby=\"privacy-heading\">\n<h2 id=\"privacy-heading\">\(HTML.escape(notice.title))</h2>\n"
        for section in notice.sections {
            html += "<h3>\(HTML.escape(section.heading))</h3>\n"
            for paragraph in section.paragraphs { html += "<p>\(HTML.escape(paragraph))</p>\n" }
        }
        return html + "</section>\n"
    }
}
