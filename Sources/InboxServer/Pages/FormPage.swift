// The public form: the question, the topic when the policy lists any, the optional address with
// the privacy notice beside it, and a field people never see (the honeypot). Errors are linked to
// their fields for screen readers. An embedded form's `page` travels along in a hidden field.
import InboxCore
import InboxPolicy
import InboxStore

struct FormPage {
    static let honeypotField = "website"

    let language: PageLanguage
    let notice: PrivacyNotice
    var topics: [Topic] = []
    var question = ""
    var email = ""
    /// The topic chosen and the page posted from, kept when the form comes back with an error.
    var origin = SubmissionOrigin()
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
        if !topics.isEmpty {
            // A choice, not a requirement: "general" is the default, and nothing is an error.
            body += "<label for=\"topic\">\(text.topicLabel)</label>\n<select id=\"topic\" name=\"topic\">"
            body += "<option value=\"\"\(origin.topic == nil ? " selected" : "")>\(text.generalTopic)</option>"
            for topic in topics {
                let selected = origin.topic == topic.name ? " selected" : ""
                body +=
                    "<option value=\"\(HTML.escape(topic.name))\"\(selected)>\(HTML.escape(topic.label[language.isSwedish ? .sv : .en]))</option>"
            }
            body += "</select>\n"
        }
        if let page = origin.page {
            body += "<input type=\"hidden\" name=\"page\" value=\"\(HTML.escape(page))\">\n"
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
