// The parsers of untrusted input, each as a libFuzzer target: bytes in, and a trap (a crash the
// fuzzer reports) for any input that breaks the parser or one of its promises. Named so that
// Tests/Fuzz/run.sh and the corpus directories (Tests/Fuzz/corpus/NAME) agree.
import Foundation
import InboxConfiguration
import InboxPolicy
import InboxStore
import NIOCore

@testable import InboxCore
@testable import InboxMail
@testable import InboxServer

struct FuzzTarget: Sendable {
    let name: String
    let run: @Sendable (UnsafeRawBufferPointer) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "form-body") { bytes in
            // A form body as the server reads it: any bytes give fields or one of three problems.
            _ = try? URLEncodedBody(bytes, fields: ["question", "email", "website"])
        },
        FuzzTarget(name: "negotiation") { bytes in
            // Accept and Accept-Language: the header that stopped the server once.
            let header = String(decoding: bytes, as: UTF8.self)
            _ = ResponseFormat(accept: header)
            _ = PageLanguage.negotiate(query: nil, acceptLanguage: header)
            for item in QualityList(header).items { precondition((0...1).contains(item.quality), "a weight outside 0...1") }
        },
        FuzzTarget(name: "policy") { bytes in
            _ = try? PolicyLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.toml")
        },
        FuzzTarget(name: "config") { bytes in
            _ = try? ConfigurationFile(path: "fuzz.conf", text: String(decoding: bytes, as: UTF8.self))
        },
        FuzzTarget(name: "smtp-reply") { bytes in
            // Replies as they arrive from a relay, split at an arbitrary point into two reads.
            var parser = SMTPReplyParser()
            var buffer = ByteBuffer()
            let split = bytes.first.map { Int($0) % (bytes.count + 1) } ?? 0
            for part in [bytes[..<split], bytes[split...]] {
                buffer.writeBytes(part)
                while let reply = try? parser.nextReply(from: &buffer) {
                    precondition((200...599).contains(reply.code), "a reply code outside 2xx-5xx")
                    precondition(reply.lines.allSatisfy { $0.utf8.allSatisfy { (0x20...0x7E).contains($0) } }, "unprintable reply text")
                }
            }
        },
        FuzzTarget(name: "address") { bytes in
            // The address of the form, and the lookup of access and erasure requests.
            let text = String(decoding: bytes, as: UTF8.self)
            if case .success(let valid) = SubmissionValidator.validate(question: "q", email: text), let email = valid.email {
                precondition(!email.utf8.contains(13) && !email.utf8.contains(10), "a line break in an accepted address")
                precondition((try? PersonLookup.checkSearchable(email)) != nil, "an accepted address that a lookup refuses")
            }
        },
        FuzzTarget(name: "terminal-text") { bytes in
            // Whatever a citizen wrote, nothing that reaches a terminal may control it.
            let safe = TerminalSafeText.render(String(decoding: bytes, as: UTF8.self))
            precondition(
                !safe.unicodeScalars.contains { TerminalSafeText.isUnsafe($0) && $0 != "\n" && $0 != "\t" },
                "a control character got through")
        },
        FuzzTarget(name: "reference") { bytes in
            // A reference as typed: if it parses, it is canonical and parses to itself.
            if let reference = Reference(parsing: String(decoding: bytes, as: UTF8.self)) {
                precondition(Reference(parsing: reference.text) == reference, "a reference that does not parse back")
                precondition(reference.text.utf8.count == 12, "a reference of the wrong length")
            }
        },
        FuzzTarget(name: "embedding") { bytes in
            // An embedded form's hidden `page` and a browser's `Origin`: a kept page is a path that
            // a link and a register CSV can carry; a parsed origin is canonical.
            let text = String(decoding: bytes, as: UTF8.self)
            if let page = PagePath.accept(text) {
                precondition(page.hasPrefix("/") && !page.hasPrefix("//"), "a kept page that is not a path on the site")
                precondition(
                    !page.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }, "a control in a kept page")
                precondition(page.unicodeScalars.count <= PagePath.maximumLength, "a kept page that is too long")
                precondition(!page.contains(where: { "?#;,\" <>".contains($0) }), "a query, a separator or a quote in a kept page")
                let encoded = FormController.queryEncoded(page)
                precondition(encoded.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") }, "a query value that breaks out")
            }
            if let origin = WebOrigin(parsing: text) {
                precondition(WebOrigin(parsing: origin.serialized) == origin, "an origin that does not parse back to itself")
                _ = OriginPolicy(allowed: [origin]).verdict(origin: text, fetchSite: nil, host: text)
            }
            let cell = RegisterCSV.cell(text)
            precondition(
                !cell.hasPrefix("=") && !cell.hasPrefix("+") && !cell.hasPrefix("-") && !cell.hasPrefix("@"), "a formula in the CSV")
        },
    ]

    static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
