// The pages: escaping, errors linked to their fields, languages, and content negotiation.
import Foundation
import HTTPTypes
import InboxCore
import InboxPolicy
import InboxStore
import Testing

@testable import InboxServer

@Suite("pages")
struct PageTests {
    static let policy: Policy = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! PolicyLoader.load(path: root.appendingPathComponent("policy/default.toml").path)
    }()

    @Test("HTML escaping covers the five special characters")
    func escaping() {
        #expect(HTML.escape(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
    }

    @Test("the form is Swedish by default, with labels, the notice beside the address and a hidden honeypot")
    func form() {
        let page = FormPage(language: .sv, notice: PrivacyNotice(policy: Self.policy, language: .sv)).render()
        #expect(page.contains("<html lang=\"sv\">"))
        #expect(page.contains("<title>Ställ en fråga</title>"))
        #expect(page.contains("<label for=\"question\">") && page.contains("<label for=\"email\">"))
        #expect(page.contains("type=\"email\" autocomplete=\"email\""))
        #expect(page.contains("aria-describedby=\"email-hint privacy-heading\""))
        #expect(page.contains("<div class=\"trap\" aria-hidden=\"true\">"))
        #expect(page.contains("tabindex=\"-1\""))
        #expect(page.contains("30 dagar") && page.contains("90 dagar"))
        #expect(page.contains("href=\"/?lang=en\""))
        #expect(!page.contains("<script") && !page.contains("style=\""))
    }

    @Test("errors are linked to their fields, and the question comes back escaped")
    func errors() {
        var page = FormPage(language: .en, notice: PrivacyNotice(policy: Self.policy, language: .en))
        page.question = "<b>kept</b>"
        page.email = "not an address\""
        page.problems = [.email: .emailInvalid]
        let html = page.render()
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("aria-describedby=\"email-error email-hint privacy-heading\" aria-invalid=\"true\""))
        #expect(
            html.contains(
                "<p id=\"email-error\" class=\"error\">Write the email address as name@example.com, or leave the field empty.</p>"))
        #expect(html.contains("&lt;b&gt;kept&lt;/b&gt;</textarea>"))
        #expect(html.contains("value=\"not an address&quot;\""))
        #expect(html.contains("role=\"alert\""))
        #expect(html.contains("<a href=\"#email\">"))
        #expect(!html.contains("aria-invalid=\"true\">&lt;b&gt;"))  // the question is valid
    }

    @Test(
        "language: ?lang wins, then Accept-Language's preference, Swedish by default",
        arguments: [
            (nil, nil, PageLanguage.sv), ("en", "sv", .en), (nil, "en-GB,en;q=0.9", .en), (nil, "en;q=0.5, sv;q=0.9", .sv),
            (nil, "de, en;q=0.3", .en), (nil, "de, fr", .sv), ("xx", "en", .en),
        ] as [(String?, String?, PageLanguage)])
    func language(query: String?, accept: String?, expected: PageLanguage) {
        #expect(PageLanguage.negotiate(query: query, acceptLanguage: accept) == expected)
    }

    /// Each of these once could, or could, stop the server: `;` trapped in a subscript of an empty
    /// split. All of them must give a page language, and the malformed weights count for nothing.
    @Test(
        "a malformed Accept-Language never traps and falls back to Swedish or what is readable",
        arguments: [
            (";", PageLanguage.sv), (",", .sv), (";;;", .sv), (", ;, ;q=1", .sv), ("en;", .en), ("en;q=", .sv), ("en;q=nan", .sv),
            ("en;q=inf", .sv), ("en;q=-1", .sv), ("en;q=2", .sv), ("en;q=0.12345", .sv), ("en;q=1.5", .sv), ("\t en \t", .en),
            ("sv;q=0.001, en;q=0", .sv), ("en;q=1.000, sv;q=0.999", .en), ("=;q=;=", .sv), ("en;a=b;q=0.5;c", .en),
            (String(repeating: ";", count: 10_000), .sv),
        ] as [(String, PageLanguage)])
    func malformedLanguage(header: String, expected: PageLanguage) {
        #expect(PageLanguage.negotiate(query: nil, acceptLanguage: header) == expected)
    }

    @Test(
        "JSON only for clients that prefer it; curl's */* and browsers get HTML",
        arguments: [
            ("application/json", ResponseFormat.json), ("*/*", .html), (nil, .html), ("text/html,application/xhtml+xml,*/*;q=0.8", .html),
            ("application/json, text/html;q=0.5", .json), ("text/html, application/json;q=0.5", .html), ("application/problem+json", .json),
            (";", .html), (",", .html), ("application/json;q=", .html), ("application/json;q=0", .html), (";q=1, application/json", .json),
            ("Application/JSON", .json), ("application/json;q=nan, text/html;q=0.1", .html),
        ] as [(String?, ResponseFormat)])
    func negotiation(accept: String?, format: ResponseFormat) {
        #expect(ResponseFormat(accept: accept) == format)
    }

    @Test(
        "weights are RFC 9110 qvalues or nothing",
        arguments: [
            ("0", 0.0), ("1", 1.0), ("0.5", 0.5), ("0.125", 0.125), ("1.000", 1.0), ("1.", 1.0), ("0.", 0.0),
        ] as [(String, Double)])
    func weights(text: String, expected: Double) {
        #expect(QualityList.weight(Substring(text)) == expected)
    }

    @Test(
        "weights that are not qvalues are refused", arguments: ["", "nan", "inf", "-0", "2", "0.1234", "1.001", "0x1", "0,5", ".5", "1e0"])
    func badWeights(text: String) {
        #expect(QualityList.weight(Substring(text)) == nil)
    }

    @Test("a refused submission comes back with the question and address as sent, and why, where a screen reader announces it")
    func refusal() {
        var page = FormPage(language: .sv, notice: PrivacyNotice(policy: Self.policy, language: .sv))
        page.question = "Min <fråga> & mer"
        page.email = "anna@example.se"
        let refusal = SubmissionRefusal.store(.full)
        page.refusal = (refusal.title(.sv), refusal.message(.sv, contact: "registrator@kommun.example"))
        let html = page.render()
        #expect(html.contains("<div class=\"summary\" role=\"alert\"><h2>Din fråga kunde inte skickas</h2>"))
        #expect(html.contains("Ingenting sparades") && html.contains("registrator@kommun.example"))
        #expect(html.contains(">Min &lt;fråga&gt; &amp; mer</textarea>") && html.contains("value=\"anna@example.se\""))
        #expect(html.contains("<title>Din fråga kunde inte skickas: Ställ en fråga</title>"))
        #expect(!html.contains("aria-invalid"))
    }

    @Test(
        "every refusal has its status, a Retry-After and a message in both languages naming where else to write",
        arguments: [
            SubmissionRefusal.store(.full), .store(.readOnly), .store(.busy), .store(.ioError), .store(.other), .noKey,
            .rateLimited(retryAfter: 42), .shuttingDown,
        ])
    func refusals(refusal: SubmissionRefusal) {
        #expect(refusal.status == (refusal == .rateLimited(retryAfter: 42) ? .tooManyRequests : .serviceUnavailable))
        #expect(refusal.retryAfter > 0)
        #expect(SubmissionRefusal.metricReasons.contains(refusal.metricReason))
        for language in PageLanguage.allCases {
            let message = refusal.message(language, contact: "registrator@kommun.example")
            #expect(message.contains("registrator@kommun.example"))
            #expect(message.contains(language.isSwedish ? "Ingenting sparades" : "Nothing was saved"))
        }
        if case .rateLimited = refusal { #expect(refusal.message(.en, contact: "x").contains("in a minute")) }
    }

    @Test("the thanks page shows only a reference that passes its check")
    func thanks() throws {
        let reference = try Reference.random()
        #expect(ThanksPage(language: .sv, reference: reference).render().contains("<p class=\"reference\">\(reference.text)</p>"))
        #expect(ThanksPage(language: .en, reference: nil).render().contains("The reference is missing or wrong."))
    }
}
