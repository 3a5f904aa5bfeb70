import Testing

// The form body reader's bad-input table: malformed encodings are refused, never echoed.
@testable import InboxServer

@Suite("form bodies")
struct URLEncodedBodyTests {
    let fields: Set<String> = ["question", "email", "website"]

    func read(_ body: String) throws(URLEncodedBody.Problem) -> URLEncodedBody {
        try URLEncodedBody(Array(body.utf8), fields: fields)
    }

    @Test("values are decoded: plus, percent escapes, UTF-8, empty values, unknown fields ignored")
    func decoding() throws {
        let body = try read("question=Hur+s%C3%B6ker+jag%3F&email=&extra=1&website")
        #expect(body["question"] == "Hur söker jag?")
        #expect(body["email"] == "")
        #expect(body["website"] == "")
        #expect(body["extra"] == nil)
    }

    @Test(
        "malformed bodies are refused",
        arguments: [
            ("question=%ZZ", URLEncodedBody.Problem.badPercentEncoding),
            ("question=%4", .badPercentEncoding),
            ("question=100%", .badPercentEncoding),
            ("question=%C3%28", .invalidUTF8),
            ("question=%FF", .invalidUTF8),
            ("question=a&question=b", .repeatedField("question")),
        ])
    func refused(body: String, problem: URLEncodedBody.Problem) {
        #expect(throws: problem) { try read(body) }
    }
}
