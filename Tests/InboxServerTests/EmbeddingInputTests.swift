import Testing

// The bad-input tables of an embedded form's two untrusted values: the hidden `page` field, kept
// only when it is plainly a path on the agency's site, and the `Origin` a browser sends, which
// decides whether a POST is taken at all.
@testable import InboxServer

@Suite("embedding: page paths and origins")
struct EmbeddingInputTests {
    @Test(
        "a path on the agency's site is kept as it is",
        arguments: [
            "/", "/om-oss/kontakt", "/a%20b", "/frågor/ställ-en-fråga", "/" + String(repeating: "a", count: 299), "/a(b)!$&'*+=:@~_.",
        ])
    func keptPaths(_ value: String) {
        #expect(PagePath.accept(value) == value)
    }

    @Test(
        "only the path is kept: a query or a fragment, where a search or a name may stand, is cut off",
        arguments: [
            ("/sok?q=Anna Svensson 19800101-1234", "/sok"), ("/tillganglighet?utm=x#form", "/tillganglighet"), ("/om#kontakt", "/om"),
            ("/?x", "/"),
        ])
    func queryCut(_ value: String, _ path: String) {
        #expect(PagePath.accept(value) == path)
    }

    @Test(
        "anything else is dropped, never an error",
        arguments: [
            "", "kontakt", "https://agency.example/kontakt", "javascript:alert(1)", "//evil.example/x", "/a\r\nSet-Cookie: x",
            "/a\nb", "/a\u{0}b", "/a%0Ab", "/a%0d%0aLocation:%20x", "/a%00", "/a%7F", "/a%", "/a%zz", "/a%C3", "/a\\b", "/a%5Cb",
            "/a\u{202E}b", "/a\u{2028}b", "/a\u{85}b", "/" + String(repeating: "a", count: 300), " /leading-space", "/a b",
            "/a;=cmd|' /C calc'!A0", "/a,b", "/a\"b", "/a<b>", "/a`b", "/a{b}", "/a|b", "/a^b", "/a[b]", "/\u{1F600}",
        ])
    func droppedPaths(_ value: String) {
        #expect(PagePath.accept(value) == nil)
    }

    @Test("missing is missing")
    func missingPath() {
        #expect(PagePath.accept(nil) == nil)
    }

    @Test(
        "origins as a browser sends them, and as an operator writes them",
        arguments: [
            ("https://www.agency.example", "https://www.agency.example"), ("HTTPS://WWW.Agency.Example", "https://www.agency.example"),
            ("http://127.0.0.1:8090", "http://127.0.0.1:8090"), ("https://agency.example:443", "https://agency.example"),
            ("http://agency.example:80", "http://agency.example"), ("http://[::1]:8090", "http://[::1]:8090"),
        ])
    func origins(_ text: String, _ serialized: String) {
        #expect(WebOrigin(parsing: text)?.serialized == serialized)
    }

    @Test(
        "what is not an origin is refused",
        arguments: [
            "null", "", "agency.example", "ftp://agency.example", "https://", "https://agency.example/", "https://agency.example/path",
            "https://user@agency.example", "https://agency.example:0", "https://agency.example:65536", "https://agency.example:08080",
            "https://agency.example?x", "https://agency .example", "https://.agency.example", "javascript:alert(1)",
            "https://agency.example:", "https://agency.exam\u{0}ple",
        ])
    func notOrigins(_ text: String) {
        #expect(WebOrigin(parsing: text) == nil)
    }

    @Test("an operator's trailing slash is forgiven, a browser's never")
    func trailingSlash() {
        #expect(WebOrigin(parsing: "https://agency.example/", forgivingTrailingSlash: true)?.serialized == "https://agency.example")
        #expect(WebOrigin(parsing: "https://agency.example/") == nil)
    }

    @Test("who may post: the server's own pages, allowed sites, and clients that are not browsers")
    func verdicts() throws {
        let agency = try #require(WebOrigin(parsing: "https://www.agency.example"))
        let policy = OriginPolicy(allowed: [agency])
        let host = "inbox.agency.example"
        #expect(policy.verdict(origin: "https://www.agency.example", fetchSite: "cross-site", host: host) == .allowed(agency))
        #expect(policy.verdict(origin: "https://inbox.agency.example", fetchSite: "same-origin", host: host) == .ownOrUnknown)
        // Behind a proxy that terminates TLS the scheme differs; the authority is what counts.
        #expect(policy.verdict(origin: "http://inbox.agency.example", fetchSite: nil, host: host) == .ownOrUnknown)
        #expect(policy.verdict(origin: "https://inbox.agency.example", fetchSite: nil, host: "inbox.agency.example:443") == .ownOrUnknown)
        #expect(policy.verdict(origin: nil, fetchSite: nil, host: host) == .ownOrUnknown)
        // nginx's `$host` drops the port: the names are compared; a port the proxy did pass must agree.
        #expect(policy.verdict(origin: "http://127.0.0.1:8443", fetchSite: nil, host: "127.0.0.1") == .ownOrUnknown)
        #expect(policy.verdict(origin: "http://127.0.0.1:8443", fetchSite: nil, host: "127.0.0.1:8080") == .refused)
        #expect(policy.verdict(origin: "http://[::1]:8443", fetchSite: nil, host: "[::1]:8443") == .ownOrUnknown)
        #expect(policy.verdict(origin: "http://localhost:8443", fetchSite: nil, host: "127.0.0.1") == .refused)
        #expect(policy.verdict(origin: "https://inbox.agency.example", fetchSite: nil, host: "inbox.agency.example/x") == .refused)
        #expect(policy.verdict(origin: nil, fetchSite: "same-origin", host: host) == .ownOrUnknown)
        #expect(policy.verdict(origin: "https://evil.example", fetchSite: "cross-site", host: host) == .refused)
        #expect(policy.verdict(origin: "https://www.agency.example.evil.example", fetchSite: nil, host: host) == .refused)
        #expect(policy.verdict(origin: "http://www.agency.example", fetchSite: nil, host: host) == .refused)
        #expect(policy.verdict(origin: "null", fetchSite: nil, host: host) == .refused)
        #expect(policy.verdict(origin: "null", fetchSite: "cross-site", host: host) == .refused)
        #expect(policy.verdict(origin: "null", fetchSite: "same-origin", host: host) == .ownOrUnknown)
        #expect(policy.verdict(origin: nil, fetchSite: "cross-site", host: host) == .refused)
        #expect(policy.verdict(origin: nil, fetchSite: "Cross-Site", host: host) == .refused)
        #expect(policy.verdict(origin: "https://inbox.agency.example", fetchSite: nil, host: nil) == .refused)
    }
}
