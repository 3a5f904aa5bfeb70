// Every status of the form, in process: requests go through the router of the application that
// `buildApplication` builds, with the real sealer, group-commit writer and SQLite store, so that
// each answer is checked together with what was (or was not) stored. The end-to-end tests drive
// the real binary over sockets; these run in seconds.
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InboxCore
import InboxCrypto
import InboxServer
import InboxStore
import InboxTestSupport
import NIOCore
import Testing

@Suite("intake application, in process")
struct IntakeApplicationTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    static let jsonForm: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"]

    static func body(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
        return ByteBuffer(string: encoded.joined(separator: "&"))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    @Test("GET / is the form, in Swedish unless asked otherwise, with every security header")
    func form() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(Self.text(response).contains("lang=\"sv\""))
                #expect(Self.text(response).contains("name=\"question\""))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(Self.text(response).contains("lang=\"en\""))
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9,sv;q=0.1"]) { response in
                #expect(Self.text(response).contains("lang=\"en\""))
            }
            try await client.execute(uri: "/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test("a browser's valid question is stored, sealed, and answered 303 to the thanks page with its reference")
    func browserSubmission() async throws {
        let fixture = try IntakeFixture()
        let store = fixture.store
        try await fixture.application().test(.router) { client in
            let location = try await client.execute(
                uri: "/", method: .post, headers: Self.form,
                body: Self.body([("question", "Hur söker jag bygglov?"), ("email", "anna@example.se")])
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let reference = try #require(location.split(separator: "ref=").last?.split(separator: "&").first.map(String.init))
            #expect(location == "/thanks?ref=\(reference)&lang=sv")
            let parsed = try #require(Reference(parsing: reference))
            let stored = try #require(try await store.record(parsed))
            #expect(stored.fields == [.question, .email])
            // Sealed: the stored bytes are not the question.
            let sealed = try await store.sealedFields(of: stored.reference)
            #expect(sealed.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("bygglov") })
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                #expect(Self.text(response).contains(reference))
            }
        }
    }

    @Test("a JSON client gets 201 with the reference, and no response header carries it")
    func jsonSubmission() async throws {
        let fixture = try IntakeFixture()
        let store = fixture.store
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.jsonForm, body: Self.body([("question", "Var?")])) {
                response in
                #expect(response.status == .created)
                let reference = try #require(try Self.json(response)["reference"] as? String)
                #expect(Reference(parsing: reference) != nil)
                #expect(!response.headers.contains { $0.value.contains(reference) })
                #expect(try await store.recordCount() == 1)
            }
        }
    }

    /// One request the form refuses before anything is sealed: its status, and that nothing was
    /// stored.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let headers: HTTPFields
        let body: ByteBuffer
        let status: HTTPResponse.Status
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "a body that is not a form (415)", headers: [.contentType: "application/json"],
            body: ByteBuffer(string: "{\"question\":\"x\"}"), status: .unsupportedMediaType),
        Refusal(name: "no content type (415)", headers: [:], body: ByteBuffer(string: "question=x"), status: .unsupportedMediaType),
        Refusal(
            name: "a body over 64 KiB (413)", headers: form,
            body: ByteBuffer(string: "question=" + String(repeating: "a", count: 64 * 1024)), status: .contentTooLarge),
        Refusal(name: "broken percent-encoding (400)", headers: form, body: ByteBuffer(string: "question=%zz"), status: .badRequest),
        Refusal(name: "invalid UTF-8 (400)", headers: form, body: ByteBuffer(string: "question=%C3%28"), status: .badRequest),
        Refusal(name: "a field twice (400)", headers: form, body: ByteBuffer(string: "question=a&question=b"), status: .badRequest),
        Refusal(name: "an empty question (422)", headers: form, body: ByteBuffer(string: "question=++"), status: .unprocessableContent),
        Refusal(
            name: "a question over 5,000 characters (422)", headers: form,
            body: ByteBuffer(string: "question=" + String(repeating: "ä", count: 5001)), status: .unprocessableContent),
        Refusal(
            name: "an address that is not one (422)", headers: form, body: ByteBuffer(string: "question=q&email=anna"),
            status: .unprocessableContent),
    ]

    @Test("bad input is refused with its own status and nothing is stored", arguments: refusals)
    func refused(refusal: Refusal) async throws {
        let fixture = try IntakeFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: refusal.headers, body: refusal.body) { response in
                #expect(response.status == refusal.status)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
        #expect(try await fixture.store.recordCount() == 0)
    }

    @Test("an invalid question comes back: a browser gets the form with what was typed, a JSON client an error per field")
    func invalidComesBack() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(
                uri: "/", method: .post, headers: Self.form, body: Self.body([("question", "Min fråga"), ("email", "inte en adress")])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(Self.text(response).contains("Min fråga"))
                #expect(Self.text(response).contains("inte en adress"))
            }
            try await client.execute(uri: "/", method: .post, headers: Self.jsonForm, body: Self.body([("question", "")])) { response in
                #expect(response.status == .unprocessableContent)
                let errors = try #require(try Self.json(response)["errors"] as? [String: String])
                #expect(errors.keys.sorted() == ["question"])
            }
        }
        #expect(try await fixture.store.recordCount() == 0)
    }

    @Test("a filled honeypot is answered like a success and stored, sealed, as spam: it is a public record too")
    func honeypot() async throws {
        let fixture = try IntakeFixture()
        let canary = "Köp billigt canary-7f3a91"
        let references = try await fixture.application().test(.router) { client in
            let fromForm = try await client.execute(
                uri: "/", method: .post, headers: Self.form, body: Self.body([("question", canary), ("website", "http://spam")])
            ) { response in
                #expect(response.status == .seeOther)
                let location = try #require(response.headers[.location])
                #expect(location.hasPrefix("/thanks?ref="))
                return String(location.dropFirst("/thanks?ref=".count).prefix(12))
            }
            let fromScript = try await client.execute(
                uri: "/", method: .post, headers: Self.jsonForm, body: Self.body([("question", "Köp"), ("website", "x")])
            ) { response in
                #expect(response.status == .created)
                return try #require(try Self.json(response)["reference"] as? String)
            }
            // The trap filled with nothing else valid: refused like any submission, nothing stored.
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: Self.body([("question", ""), ("website", "x")])) {
                response in
                #expect(response.status == .unprocessableContent)
            }
            return [fromForm, fromScript]
        }
        let spam = try await fixture.store.records(status: .spam, held: nil)
        #expect(Set(spam.map(\.reference.text)) == Set(references))
        #expect(spam.allSatisfy { $0.markedSpamAt == $0.receivedAt && $0.fields == [.question] })
        #expect(try await fixture.store.records(status: .open, held: nil).isEmpty)
        // Sealed like any question: the text is in no file of the inbox.
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path) where file.hasPrefix("inbox.sqlite") {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(fixture.directory.path)/\(file)"))
            #expect(bytes.range(of: Data("canary-7f3a91".utf8)) == nil, "the spam's text in clear in \(file)")
        }
    }

    @Test("past the rate limit a citizen gets 429 with Retry-After and the question back")
    func rateLimit() async throws {
        var fixture = try IntakeFixture()
        fixture.configuration.rateLimit = RateLimit(parsing: "1/minute")
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: Self.body([("question", "Första")])) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: Self.body([("question", "Andra frågan")])) {
                response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
                #expect(Self.text(response).contains("Andra frågan"))
            }
            try await client.execute(uri: "/", method: .post, headers: Self.jsonForm, body: Self.body([("question", "Tredje")])) {
                response in
                #expect(response.status == .tooManyRequests)
                let retryAfter = try Self.json(response)["retry_after"] as? Int
                #expect((retryAfter ?? 0) > 0)
            }
        }
        #expect(try await fixture.store.recordCount() == 1)
    }

    @Test("without a key for the current month the question is refused 503 and comes back, never stored unreadable")
    func noKey() async throws {
        // Keys made four years ago: none of them covers today.
        let fixture = try IntakeFixture(keysCreated: Date().addingTimeInterval(-4 * 365 * 86_400))
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: Self.body([("question", "Finns nyckeln?")])) {
                response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                #expect(Self.text(response).contains("Finns nyckeln?"))
                #expect(Self.text(response).contains("role=\"alert\""))
            }
        }
        #expect(try await fixture.store.recordCount() == 0)
    }

    @Test("a store that cannot take the question: 503 with Retry-After, and the question comes back")
    func storeRefuses() async throws {
        var fixture = try IntakeFixture()
        fixture.configuration.store = GroupCommitWriterTests.LockedStore()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.form, body: Self.body([("question", "Är disken full?")])) {
                response in
                #expect(response.status == .serviceUnavailable)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
                #expect(Self.text(response).contains("Är disken full?"))
                #expect(Self.text(response).contains("role=\"alert\""))
            }
            try await client.execute(uri: "/", method: .post, headers: Self.jsonForm, body: Self.body([("question", "Full?")])) {
                response in
                #expect(response.status == .serviceUnavailable)
                let body = try Self.json(response)
                #expect(body["error"] is String)
            }
        }
    }

    @Test("the thanks page needs a valid reference")
    func thanks() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application().test(.router) { client in
            try await client.execute(uri: "/thanks", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/thanks?ref=AAAA-AAAA-AA", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test("malformed negotiation headers are answered, not trapped on")
    func negotiation() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application().test(.router) { client in
            for value in ["text/html;q=", ";;;,,,", "*/*;q=1e999", "application/json;q=-1", String(repeating: "a,", count: 500)] {
                try await client.execute(
                    uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .accept: value],
                    body: Self.body([("question", "")])
                ) { response in
                    #expect(response.status == .unprocessableContent)
                }
                try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: value]) { response in
                    #expect(response.status == .ok)
                }
            }
        }
    }
}
