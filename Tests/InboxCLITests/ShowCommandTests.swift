// `inbox show` and `inbox audit` with the real executable: masked and revealed addresses, text made
// inert for the terminal in both outputs, and every opening in a verifiable audit log.
import Foundation
import GRDB
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("inbox show and audit (the real executable)")
struct ShowCommandTests {
    let inbox: InitializedInbox

    init() throws {
        inbox = try InitializedInbox()
    }

    func show(_ reference: Reference, _ extra: [String] = []) throws -> ProgramResult {
        try inbox.run(["show", reference.text, "--passphrase-file", inbox.passphraseFile] + extra)
    }

    @Test("the address is masked; the question is shown; the opening is audited")
    func masked() async throws {
        let reference = try await inbox.submit(question: "Hur söker jag bygglov?\nFör ett uterum.")
        let result = try show(reference)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Email:     a•••@e•••.se"))
        #expect(!result.standardOutput.contains("a@example.se"))
        #expect(result.standardOutput.contains("    Hur söker jag bygglov?\n    För ett uterum."))
        let audit = try inbox.run(["audit", "list", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.standardOutput.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["action"] as? String == "open" && entries[0]["purpose"] as? String == "answering")
        #expect(entries[0]["reference"] as? String == reference.text)
    }

    @Test("revealing the address needs a reason, which is audited")
    func reveal() async throws {
        let reference = try await inbox.submit()
        let refused = try show(reference, ["--reveal-email"])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--reveal-email needs --reason"))
        let revealed = try show(reference, ["--reveal-email", "--reason", "calling back", "--json"])
        #expect(revealed.status == 0, "\(revealed.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(revealed.standardOutput.utf8)) as? [String: Any])
        #expect(object["email"] as? String == "a@example.se")
        #expect(object["email_revealed"] as? Bool == true)
        let audit = try inbox.run(["audit", "list"])
        #expect(audit.standardOutput.contains("reveal-email  \(reference.text)  answering  reason: calling back"))
    }

    static let hostile: [(String, String)] = [
        ("\u{1B}[2J", "\\u{1B}[2J"), ("\u{1B}]0;owned\u{07}", "\\u{1B}]0;owned\\u{7}"), ("\u{07}", "\\u{7}"),
        ("\u{9B}31m", "\\u{9B}31m"), ("\u{202E}", "\\u{202E}"),
    ]

    @Test("citizen text cannot act on the terminal, in the table or in JSON", arguments: hostile)
    func terminalSafety(hostile: String, shown: String) async throws {
        let reference = try await inbox.submit(question: "before \(hostile) after")
        for extra in [[], ["--json"]] {
            let result = try show(reference, extra)
            #expect(result.status == 0, "\(result.standardError)")
            let live = result.standardOutput.unicodeScalars.contains {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
            }
            #expect(!live, "\(extra)")
            let expected = extra.isEmpty ? "before \(shown) after" : "before \(shown.replacingOccurrences(of: "\\", with: "\\\\")) after"
            #expect(result.standardOutput.contains(expected), "\(extra): \(result.standardOutput)")
        }
    }

    @Test("without a passphrase nothing is opened and nothing is audited")
    func noPassphrase() async throws {
        let reference = try await inbox.submit()
        let result = try inbox.run(["show", reference.text])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--passphrase-file"))
        #expect(try await inbox.store().entries(of: .audit).isEmpty)
    }

    @Test("a mistyped reference is caught by its check symbol")
    func mistyped() async throws {
        let reference = try await inbox.submit()
        var symbols = Array(reference.text)
        symbols[0] = symbols[0] == "A" ? "B" : "A"
        let result = try inbox.run(["show", String(symbols), "--passphrase-file", inbox.passphraseFile])
        #expect(result.status != 0)
        #expect(result.standardError.contains("is invalid for '<reference>'"))
    }

    @Test("audit verify passes on an intact log and names a changed entry")
    func verify() async throws {
        let reference = try await inbox.submit()
        for _ in 0..<3 { #expect(try show(reference).status == 0) }
        let intact = try inbox.run(["audit", "verify"])
        #expect(intact.status == 0)
        #expect(intact.standardOutput.contains("intact: 3 entries"))
        let store = try inbox.store()
        let second = try #require(try await store.entries(of: .audit).dropFirst().first?.id)
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE audit_log SET body = replace(body, 'answering', 'Answering') WHERE id = ?", arguments: [second])
        }
        let broken = try inbox.run(["audit", "verify"])
        #expect(broken.status != 0)
        #expect(broken.standardError.contains("broken at entry \(second)"))
    }
}
