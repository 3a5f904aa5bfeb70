// The page after a successful submission: the reference, large, and what happens next.
import InboxStore

struct ThanksPage {
    let language: PageLanguage
    /// Nil when the query's reference is missing or fails its check: nothing from the query is shown.
    let reference: Reference?
    /// The agency page the question was asked from (an allowed origin and a checked path), if any.
    var back: String? = nil

    func render() -> String {
        let text = PageText(language: language)
        var body = "<h1>\(text.thanksTitle)</h1>\n"
        if let reference {
            body +=
                "<p>\(text.referenceIntro)</p>\n<p class=\"reference\">\(HTML.escape(reference.text))</p>\n<p>\(text.referenceAdvice)</p>\n"
        } else {
            body += "<p>\(text.unknownReference)</p>\n"
        }
        if let back { body += "<p><a href=\"\(HTML.escape(back))\">\(text.backToPage)</a></p>\n" }
        body += "<p><a href=\"/?lang=\(language.rawValue)\">\(text.askAnother)</a></p>\n"
        let switchPath = reference.map { "/thanks?ref=\($0.text)&" } ?? "/thanks?"
        return PageLayout.render(language: language, title: text.thanksTitle, switchPath: switchPath, body: body)
    }
}
