// `inbox policy` with the real executable: check, show, notice and record.
import Foundation
import InboxTestSupport
import Testing

@Suite("inbox policy (the real executable)")
struct PolicyCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path
    static let defaultPolicy = "\(root)/policy/default.toml"

    @Test("policy check passes the shipped policy")
    func checkDefault() throws {
        let result = try InboxExecutable.run(["policy", "check", Self.defaultPolicy])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("valid"))
    }

    @Test("policy check names an unknown key and its line, and exits non-zero")
    func checkUnknownKey() throws {
        let directory = try TemporaryDirectory()
        let text = try String(contentsOfFile: Self.defaultPolicy, encoding: .utf8)
            .replacingOccurrences(of: "[keys]\n", with: "[keys]\nretain_forever = true\n")
        let file = try directory.write("policy.toml", text)
        let line = text.components(separatedBy: "\n").firstIndex(of: "retain_forever = true")! + 1
        let result = try InboxExecutable.run(["policy", "check", file])
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(file):\(line):1: unknown key `retain_forever` in [keys]"), "\(result.standardError)")
    }

    @Test("every command refuses to start on an invalid policy")
    func refuseInvalidPolicy() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("policy.toml", "version = 1\n")
        for arguments in [["keys", "list"], ["purge"], ["policy", "show"]] {
            let result = try InboxExecutable.run(arguments + ["--policy", file, "--data-dir", directory.path])
            #expect(result.status != 0, "\(arguments)")
            #expect(
                result.standardError.contains("invalid policy: \(file):1:1: the top level is missing `controller`"),
                "\(result.standardError)")
        }
    }

    @Test("the notices state 30 and 90 days in both languages", arguments: [("en", "30 days", "90 days"), ("sv", "30 dagar", "90 dagar")])
    func notice(language: String, answered: String, maximum: String) throws {
        let result = try InboxExecutable.run(["policy", "notice", "--lang", language, "--policy", Self.defaultPolicy])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(answered))
        #expect(result.standardOutput.contains(maximum))
    }

    @Test("policy record prints the record of processing; policy show every field")
    func recordAndShow() throws {
        let record = try InboxExecutable.run(["policy", "record", "--policy", Self.defaultPolicy])
        #expect(record.status == 0)
        #expect(record.standardOutput.hasPrefix("# Record of processing"))
        let show = try InboxExecutable.run(["policy", "show", "--policy", Self.defaultPolicy])
        #expect(show.status == 0)
        for field in ["email:", "question:", "answer:", "audit:"] { #expect(show.standardOutput.contains(field)) }
    }

    @Test("an unknown language is a usage error")
    func unknownLanguage() throws {
        let result = try InboxExecutable.run(["policy", "notice", "--lang", "de", "--policy", Self.defaultPolicy])
        #expect(result.status != 0)
    }
}
