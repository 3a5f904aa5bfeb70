// A person's access and erasure requests with the real executable: `inbox export --email` and
// `inbox erase`, found through the email index however the address is typed.
import Foundation
import GRDB
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("inbox export and erase (the real executable)")
struct RequestCommandTests {
    let inbox: InitializedInbox

    init() throws {
        inbox = try InitializedInbox()
    }

    func json(_ result: ProgramResult) throws -> Any {
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    }

    func auditActions() throws -> [String] {
        let entries = try json(try inbox.run(["audit", "list", "--json"])) as? [[String: Any]] ?? []
        return entries.compactMap { entry in (entry["action"] as? String).map { "\($0)/\(entry["purpose"] as? String ?? "-")" } }
    }

    @Test("export finds every record of a person however the address is typed, with fields and retention")
    func export() async throws {
        let first = try await inbox.submitThroughIntake(email: "Anna.Andersson@Example.se", question: "Första frågan")
        let second = try await inbox.submitThroughIntake(email: "anna.andersson@example.se", question: "Andra frågan")
        _ = try await inbox.submitThroughIntake(email: "bo@example.se", question: "Någon annans")
        let result = try inbox.run(["export", "--email", " ANNA.andersson@example.SE ", "--passphrase-file", inbox.passphraseFile])
        let records = try #require(try json(result) as? [[String: Any]])
        #expect(Set(records.compactMap { $0["reference"] as? String }) == [first.text, second.text])
        let fields = records.compactMap { $0["fields"] as? [String: String] }
        #expect(Set(fields.compactMap { $0["question"] }) == ["Första frågan", "Andra frågan"])
        #expect(fields.allSatisfy { $0["email"]?.lowercased() == "anna.andersson@example.se" })
        let retention = try #require(records.first?["retention"] as? [String: [String: Any]])
        #expect(retention["email"]?["rule"] as? String == "hard maximum 90 days after received")
        #expect(!result.standardOutput.contains("bo@example.se"))
        #expect(try auditActions() == ["export/access_request", "export/access_request"])
    }

    @Test("an address with no records exports an empty array without asking for a passphrase")
    func exportNothing() async throws {
        _ = try await inbox.submitThroughIntake(email: "bo@example.se")
        let records = try #require(try json(try inbox.run(["export", "--email", "nobody@example.se"])) as? [Any])
        #expect(records.isEmpty)
    }

    /// The red team's finding: an address copied with an invisible mark found nothing, and the
    /// command said "nothing was erased" with exit 0, while the person's records stayed.
    @Test(
        "an address the form would refuse is refused by erase and export, naming the character; nothing is erased",
        arguments: [
            ("anna@example.se\u{200E}", "U+200E LEFT-TO-RIGHT MARK"), ("\u{FEFF}anna@example.se", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
            ("anna@example.se\u{2069}", "U+2069 POP DIRECTIONAL ISOLATE"), ("anna\u{0007}@example.se", "U+0007"),
        ])
    func invisibleCharacters(address: String, named: String) async throws {
        let reference = try await inbox.submitThroughIntake(email: "anna@example.se")
        for command in [["erase", "--email", address], ["export", "--email", address, "--passphrase-file", inbox.passphraseFile]] {
            let result = try inbox.run(command)
            #expect(result.status != 0, "\(command[0]) accepted \(address.unicodeScalars.map { $0.value })")
            #expect(result.standardError.contains(named), "\(result.standardError)")
            #expect(result.standardError.contains("nothing was looked up"))
        }
        #expect(try await inbox.store().record(reference) != nil)
        #expect(try auditActions().isEmpty)
    }

    @Test("an address that is no address at all is refused too, rather than reported as having no records")
    func notAnAddress() throws {
        let result = try inbox.run(["erase", "--email", "anna at example.se"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("is not an address the form accepts"))
    }

    @Test("erase --email deletes every record of the person now, keeps others, and survives a purge")
    func eraseByEmail() async throws {
        let first = try await inbox.submitThroughIntake(email: "anna@example.se")
        let second = try await inbox.submitThroughIntake(email: "ANNA@example.se")
        let other = try await inbox.submitThroughIntake(email: "bo@example.se")
        let result = try inbox.run(["erase", "--email", "anna@example.se"])
        let receipt = try #require(try json(result) as? [String: Any])
        #expect(Set(receipt["references"] as? [String] ?? []) == [first.text, second.text])
        #expect(!result.standardOutput.contains("anna"))
        let store = try inbox.store()
        #expect(try await store.record(first) == nil)
        #expect(try await store.record(second) == nil)
        #expect(try await store.record(other) != nil)
        let suppression = try String(contentsOfFile: "\(inbox.dataDirectory)/keys/suppression.log", encoding: .utf8)
        #expect(suppression.contains(first.text) && suppression.contains(second.text) && !suppression.contains("anna"))
        #expect(try auditActions() == ["erase/access_request", "erase/access_request"])
        #expect(try inbox.run(["purge"]).status == 0)
        #expect(try inbox.run(["audit", "verify"]).status == 0)
    }

    @Test("after a database restore, `inbox audit restore` erases again what was erased since, before the logs are accepted")
    func restoreErasesAgain() async throws {
        let erased = try await inbox.submitThroughIntake(email: "anna@example.se")
        let kept = try await inbox.submitThroughIntake(email: "bo@example.se")
        let database = "\(inbox.dataDirectory)/inbox.sqlite"
        let backup = "\(inbox.directory.path)/backup.sqlite"
        try await inbox.store().pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [backup]) }
        #expect(try inbox.run(["erase", erased.text]).status == 0)
        // The restore as deploy/README.md has it: the backup replaces the file, its WAL goes.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: database)
        #expect(try await inbox.store().record(erased) != nil)
        // The restored audit log ends before its anchor: every command that writes to it refuses.
        #expect(try inbox.run(["erase", kept.text]).status != 0)
        let restore = try inbox.run(["audit", "restore", "--reason", "restored the backup of this morning"])
        #expect(restore.status == 0, "\(restore.standardError)")
        #expect(restore.standardOutput.contains("Erasures applied again: 1"))
        #expect(try await inbox.store().record(erased) == nil)
        #expect(try await inbox.store().record(kept) != nil)
        #expect(try inbox.run(["audit", "verify"]).status == 0)
        #expect(try auditActions().suffix(1) == ["restore-accepted/accountability"])
    }

    @Test("a held record is erased only when the hold is overridden with a reason")
    func held() async throws {
        let reference = try await inbox.submitThroughIntake(email: "anna@example.se")
        try await inbox.setHoldMarker(reference, reason: "court order 12-34")
        let refused = try inbox.run(["erase", reference.text])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("is held"))
        #expect(try await inbox.store().record(reference) != nil)
        let withoutReason = try inbox.run(["erase", reference.text, "--override-hold"])
        #expect(withoutReason.status != 0)
        let overridden = try inbox.run(["erase", reference.text, "--override-hold", "--reason", "the court lifted the order"])
        #expect(overridden.status == 0, "\(overridden.standardError)")
        #expect(try await inbox.store().record(reference) == nil)
        let audit = try inbox.run(["audit", "list"])
        #expect(audit.standardOutput.contains("erase  \(reference.text)  access_request  reason: the court lifted the order"))
    }

    @Test("an unknown address erases nothing and says so")
    func eraseNothing() async throws {
        let kept = try await inbox.submitThroughIntake(email: "bo@example.se")
        let result = try inbox.run(["erase", "--email", "nobody@example.se"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("nothing was erased"))
        #expect(try await inbox.store().record(kept) != nil)
    }

    @Test("hold and release with the real executable: listed as held, then open again, both audited")
    func holdAndRelease() async throws {
        let reference = try await inbox.submitThroughIntake(email: "anna@example.se")
        let held = try inbox.run(["hold", reference.text, "--reason", "court order 12-34", "--passphrase-file", inbox.passphraseFile])
        #expect(held.status == 0, "\(held.standardError)")
        let listed = try #require(try json(try inbox.run(["list", "--status", "held", "--json"])) as? [[String: Any]])
        #expect(listed.map { $0["reference"] as? String } == [reference.text])
        let released = try inbox.run(["release", reference.text, "--passphrase-file", inbox.passphraseFile])
        #expect(released.status == 0, "\(released.standardError)")
        #expect(try (json(try inbox.run(["list", "--status", "held", "--json"])) as? [Any])?.isEmpty == true)
        #expect(try auditActions() == ["hold/public_records", "release/public_records"])
        let withoutPassphrase = try inbox.run(["hold", reference.text, "--reason", "x"])
        #expect(withoutPassphrase.status != 0)
    }
}
