// `inbox keys` end to end: the real executable, real files, the openssl CLI, a real terminal.
import Foundation
import InboxTestSupport
import Testing

@Suite("inbox keys (the real executable)")
struct KeysCommandTests {
    let directory: TemporaryDirectory
    let passphraseFile: String
    var dataDirectory: String { "\(directory.path)/data" }

    init() throws {
        directory = try TemporaryDirectory()
        passphraseFile = try directory.write("passphrase", "correct horse battery staple\n")
    }

    func initialize() throws -> ProgramResult {
        try InboxExecutable.run(["keys", "init", "--data-dir", dataDirectory, "--passphrase-file", passphraseFile])
    }

    @Test("keys init leaves a 0600 encrypted PKCS#8 master key that openssl opens as X25519, and four epochs")
    func initCreatesInbox() throws {
        let result = try initialize()
        #expect(result.status == 0, "\(result.standardError)")
        let masterKey = "\(dataDirectory)/private/master.key.pem"
        #expect(try directory.mode(of: masterKey) == 0o600)
        #expect(try directory.mode(of: dataDirectory) == 0o700)
        #expect(try directory.mode(of: "\(dataDirectory)/inbox.sqlite") == 0o600)
        let pem = try String(contentsOfFile: masterKey, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let openssl = try runProgram(
            "/usr/bin/openssl", ["pkey", "-in", masterKey, "-passin", "file:\(passphraseFile)", "-noout", "-text"])
        #expect(openssl.status == 0)
        #expect(openssl.standardOutput.hasPrefix("X25519 Private-Key:"))
        let epochs = try FileManager.default.contentsOfDirectory(atPath: "\(dataDirectory)/keys/epochs").sorted()
        #expect(epochs.count == 3)
        #expect(epochs.allSatisfy { UInt32($0).map { $0 > 200_000 } ?? false })
        #expect(result.standardOutput.contains("epochs:"))
        #expect(!result.standardOutput.contains("correct horse"))
    }

    @Test("keys init refuses an existing inbox and exits non-zero")
    func initRefusesExisting() throws {
        #expect(try initialize().status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(dataDirectory)/private/master.key.pem"))
        let again = try initialize()
        #expect(again.status != 0)
        #expect(again.standardError.contains("already holds an inbox"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dataDirectory)/private/master.key.pem")) == before)
    }

    @Test("without a passphrase file or a terminal, keys init fails clearly and creates nothing")
    func initWithoutPassphrase() throws {
        let result = try InboxExecutable.run(["keys", "init", "--data-dir", dataDirectory])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--passphrase-file"))
        #expect(!FileManager.default.fileExists(atPath: dataDirectory))
    }

    @Test("INBOX_PASSPHRASE_FILE and INBOX_DATA_DIR are honoured")
    func environment() throws {
        let result = try InboxExecutable.run(
            ["keys", "init"], environment: ["INBOX_DATA_DIR": dataDirectory, "INBOX_PASSPHRASE_FILE": passphraseFile])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: "\(dataDirectory)/keys/master.pub.pem"))
    }

    @Test("keys list --json prints one array: current and future keys, with their dates")
    func listJSON() throws {
        #expect(try initialize().status == 0)
        let result = try InboxExecutable.run(["keys", "list", "--json", "--data-dir", dataDirectory])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 9)
        #expect(Set(rows.compactMap { $0["state"] as? String }) == ["current", "future"])
        #expect(Set(rows.compactMap { $0["field"] as? String }) == ["email", "question", "answer"])
        #expect(rows.allSatisfy { Set($0.keys) == ["epoch", "hold", "field", "state", "starts", "ends", "destroy_by"] })
        // The email key of an epoch is destroyed 90 days after the epoch ends (the default policy).
        let email = try #require(rows.first { $0["field"] as? String == "email" })
        let formatter = ISO8601DateFormatter()
        let ends = try #require((email["ends"] as? String).flatMap(formatter.date(from:)))
        let destroyBy = try #require((email["destroy_by"] as? String).flatMap(formatter.date(from:)))
        #expect(destroyBy == ends + 90 * 86_400)
    }

    @Test("keys list on a directory without an inbox says how to create one")
    func listWithoutInbox() throws {
        let result = try InboxExecutable.run(["keys", "list", "--data-dir", dataDirectory])
        #expect(result.status != 0)
        #expect(result.standardError.contains("inbox keys init"))
    }

    @Test("keys passwd changes the passphrase; the old one stops working")
    func passwd() throws {
        #expect(try initialize().status == 0)
        let newFile = try directory.write("new-passphrase", "an entirely new passphrase\n")
        let changed = try InboxExecutable.run([
            "keys", "passwd", "--data-dir", dataDirectory, "--passphrase-file", passphraseFile, "--new-passphrase-file", newFile,
        ])
        #expect(changed.status == 0, "\(changed.standardError)")
        let withOld = try InboxExecutable.run([
            "keys", "passwd", "--data-dir", dataDirectory, "--passphrase-file", passphraseFile, "--new-passphrase-file", newFile,
        ])
        #expect(withOld.status != 0)
        #expect(withOld.standardError.contains("passphrase does not open"))
    }

    @Test("on a terminal, keys init asks for the passphrase twice without echoing it")
    func terminalPrompt() throws {
        let terminal = try PseudoTerminal()
        let process = try terminal.start(InboxExecutable.path, ["keys", "init", "--data-dir", dataDirectory])

        let firstPrompt = terminal.read(until: "New passphrase for the new master key: ")
        #expect(firstPrompt.contains("New passphrase"))
        terminal.type("typed at a terminal\n")
        let secondPrompt = terminal.read(until: "The same passphrase again: ")
        terminal.type("typed at a terminal\n")
        let rest = terminal.read(until: "keep it where your agency keeps secrets")
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(rest)")
        #expect(!(secondPrompt + rest).contains("typed at a terminal"), "the passphrase was echoed")
        let opened = try PassphraseCheck.opens("\(dataDirectory)/private/master.key.pem", passphrase: "typed at a terminal", in: directory)
        #expect(opened)
    }

    @Test("on a terminal, two different passphrases change nothing")
    func terminalMismatch() throws {
        let terminal = try PseudoTerminal()
        let process = try terminal.start(InboxExecutable.path, ["keys", "init", "--data-dir", dataDirectory])

        _ = terminal.read(until: "New passphrase for the new master key: ")
        terminal.type("the first passphrase\n")
        _ = terminal.read(until: "The same passphrase again: ")
        terminal.type("a second passphrase\n")
        let rest = terminal.read(until: "nothing was changed")
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(rest.contains("the two passphrases differ"))
        #expect(!FileManager.default.fileExists(atPath: "\(dataDirectory)/private/master.key.pem"))
    }
}

/// Whether `openssl pkey` opens a key with a passphrase, given through a 0600 file.
enum PassphraseCheck {
    static func opens(_ key: String, passphrase: String, in directory: TemporaryDirectory) throws -> Bool {
        let file = try directory.write("check-passphrase", passphrase + "\n")
        return try runProgram("/usr/bin/openssl", ["pkey", "-in", key, "-passin", "file:\(file)", "-noout"]).status == 0
    }
}
