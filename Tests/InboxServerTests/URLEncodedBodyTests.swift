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

    @Test(
        "a Content-Type's media type: lowercased, without parameters or the spaces and tabs around it",
        arguments: [
            ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded"),
            ("Application/X-WWW-Form-Urlencoded; charset=UTF-8", "application/x-www-form-urlencoded"),
            (" \tapplication/x-www-form-urlencoded \t; charset=utf-8", "application/x-www-form-urlencoded"),
            ("application/json", "application/json"), ("", ""), (";", ""),
            ("application/x-www-form-urlencoded\u{A0}", "application/x-www-form-urlencoded\u{A0}"),
        ])
    func mediaType(contentType: String, mediaType: String) {
        #expect(FormController.mediaType(of: contentType) == mediaType)
    }

    /// The plainest reading of a value: what the fast decoder must agree with.
    static func reference(_ encoded: [UInt8]) -> String? {
        var bytes: [UInt8] = []
        var index = 0
        while index < encoded.count {
            switch encoded[index] {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let digits = index + 2 < encoded.count ? String(decoding: encoded[(index + 1)...(index + 2)], as: UTF8.self) : ""
                // UInt8(_:radix:) would also take a sign: "+5".
                guard digits.count == 2, digits.allSatisfy(\.isHexDigit), let byte = UInt8(digits, radix: 16) else { return nil }
                bytes.append(byte)
                index += 2
            default: bytes.append(encoded[index])
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    @Test("the decoder agrees with the plainest reading on 20,000 random values")
    func agreesWithReference() {
        // Bytes drawn mostly from what escapes are made of, so that valid and broken escapes,
        // valid and broken UTF-8 all occur.
        let alphabet = Array("%+aZ09fF".utf8) + [0x2D, 0xC3, 0xA5, 0x80, 0xFF, 0x26, 0x3D]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            let decoded = try? URLEncodedBody.decode(value)
            #expect(decoded == Self.reference(value), "\(value)")
        }
    }
}
