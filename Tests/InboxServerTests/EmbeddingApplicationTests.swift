// The embedded form, in process: a POST from an allowed agency page is taken with its page and
// topic and thanked with a link back; from any other site it is refused with 403 and nothing is
// stored; a page value that is not a path, or a topic the policy does not list, is dropped.
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InboxCrypto
import InboxServer
import InboxStore
import NIOCore
import Testing

@Suite("embedding, in process")
struct EmbeddingApplicationTests {
    static let agency = "https://www.agency.example"

    static func fixture() throws -> IntakeFixture {
        var fixture = try IntakeFixture()
        fixture.configuration.allowedOrigins = [try #require(WebOrigin(parsing: agency))]
        return fixture
    }

    static func headers(origin: String?, fetchSite: String? = nil) -> HTTPFields {
        var headers = IntakeApplicationTests.form
        if let origin { headers[.origin] = origin }
        // swift-format-ignore: NeverForceUnwrap
        if let fetchSite { headers[HTTPField.Name("Sec-Fetch-Site")!] = fetchSite }
        return headers
    }

    @Test("from an allowed page: stored with its page and topic, and the thanks page links back to it")
    func allowed() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            let body = IntakeApplicationTests.body([
                ("question", "Var finns tillgänglighetsredogörelsen?"), ("page", "/om-webbplatsen"), ("topic", "accessibility"),
            ])
            let location = try await client.execute(
                uri: "/?lang=en", method: .post, headers: Self.headers(origin: Self.agency, fetchSite: "cross-site"), body: body
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(location.contains("&from=https%3A%2F%2Fwww.agency.example&page=%2Fom-webbplatsen"))
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                #expect(IntakeApplicationTests.text(response).contains("<a href=\"https://www.agency.example/om-webbplatsen\">"))
            }
        }
        let record = try #require(try await fixture.store.records(status: .open, held: nil).first)
        #expect(record.page == "/om-webbplatsen")
        #expect(record.topic == "accessibility")
        let entry = try #require(try await fixture.store.registerEntries(receivedFrom: nil, to: nil).first)
        #expect(entry.reference == record.reference && entry.page == "/om-webbplatsen" && entry.topic == "accessibility")
        #expect(entry.language == .en && entry.outcome == .open)
    }

    @Test("a thanks page never links to a site that is not allowed, or to what is not a path")
    func noOpenRedirect() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            for query in [
                "from=https%3A%2F%2Fevil.example&page=%2Fx", "from=https%3A%2F%2Fwww.agency.example&page=%2F%2Fevil.example",
                "from=https%3A%2F%2Fwww.agency.example&page=javascript%3Aalert(1)", "from=javascript%3Aalert(1)&page=%2F",
            ] {
                try await client.execute(uri: "/thanks?ref=K7Q2-M9XD-4T&\(query)", method: .get) { response in
                    let page = IntakeApplicationTests.text(response)
                    #expect(!page.contains("evil.example") && !page.contains("javascript:"), "\(query)")
                }
            }
        }
    }

    @Test(
        "from another site, or cross-site without an Origin: 403, the question kept on the form, nothing stored",
        arguments: [("https://evil.example", nil), ("null", nil), ("http://www.agency.example", nil), (nil, "cross-site")]
            as [(String?, String?)])
    func refused(_ origin: String?, _ fetchSite: String?) async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            let body = IntakeApplicationTests.body([("question", "Min fråga"), ("email", "a@example.se")])
            try await client.execute(uri: "/", method: .post, headers: Self.headers(origin: origin, fetchSite: fetchSite), body: body) {
                response in
                #expect(response.status == .forbidden)
                let page = IntakeApplicationTests.text(response)
                // The question, not the address: another site may have chosen it.
                #expect(page.contains("Min fråga") && !page.contains("a@example.se"))
                #expect(page.contains("action=\"/?lang=sv\""))
            }
        }
        #expect(try await fixture.store.recordCount() == 0)
        #expect(try await fixture.store.registerEntries(receivedFrom: nil, to: nil).isEmpty)
    }

    @Test(
        "a client without Origin is taken (the server's own origin is the unit tests' and the end-to-end tests'); a bad page or topic is dropped, not refused"
    )
    func droppedNotRefused() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            for (origin, page, topic) in [
                (Self.agency, "javascript:alert(1)", "no-such-topic"), (nil, "https://evil.example/x", "ACCESSIBILITY"),
                (nil, "/a%0d%0aLocation:x", ""),
            ] as [(String?, String, String)] {
                let body = IntakeApplicationTests.body([("question", "Fråga"), ("page", page), ("topic", topic)])
                try await client.execute(uri: "/", method: .post, headers: Self.headers(origin: origin), body: body) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location]?.contains("from=") == false)
                }
            }
        }
        let records = try await fixture.store.records(status: .open, held: nil)
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.page == nil && $0.topic == nil })
    }

    @Test("the form offers the policy's topics, in the page's language, with a general question first")
    func topicsOnTheForm() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/?lang=sv", method: .get) { response in
                let page = IntakeApplicationTests.text(response)
                #expect(page.contains("<label for=\"topic\">Vad gäller frågan?</label>"))
                #expect(
                    page.contains(
                        "<option value=\"\" selected>Allmän fråga</option><option value=\"accessibility\">Tillgänglighet på webbplatsen</option>"
                    ))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(IntakeApplicationTests.text(response).contains(">Accessibility of this website</option>"))
            }
            // A refused form keeps the chosen topic and the page it came from.
            let body = IntakeApplicationTests.body([("question", ""), ("page", "/kontakt"), ("topic", "accessibility")])
            try await client.execute(uri: "/", method: .post, headers: Self.headers(origin: Self.agency), body: body) { response in
                #expect(response.status == .unprocessableContent)
                let page = IntakeApplicationTests.text(response)
                #expect(page.contains("<option value=\"accessibility\" selected>"))
                #expect(page.contains("<input type=\"hidden\" name=\"page\" value=\"/kontakt\">"))
            }
        }
    }
}
