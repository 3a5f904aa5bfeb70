// `inbox purge` with the real executable, moved through time with faketime (Debian's faketime).
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("inbox purge (the real executable, faketime)")
struct PurgeCommandTests {
    let inbox: InitializedInbox

    init() throws {
        inbox = try InitializedInbox()
    }

    @Test("purge runs right after keys init, without a passphrase, and is a no-op")
    func afterInit() throws {
        let result = try inbox.run(["purge"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Deleted fields: 0 email, 0 question, 0 answer"))
    }

    @Test("on a filled store, 91 days on, the address goes and the question stays; two years on, the record goes")
    func filledStore() async throws {
        let reference = try await inbox.submit()
        let store = try inbox.store()

        let early = try inbox.run(["purge"], at: "+31d")
        #expect(early.status == 0, "\(early.standardError)")
        #expect(try await store.record(reference)?.fields == [.email, .question])

        let dryRun = try inbox.run(["purge", "--dry-run", "--as-of", ISO8601DateFormatter().string(from: Date() + 91 * 86_400)])
        #expect(dryRun.status == 0)
        #expect(dryRun.standardOutput.contains("delete  \(reference)  email"))
        #expect(dryRun.standardOutput.contains("(hard maximum 90 days after received)"))
        #expect(try await store.record(reference)?.fields == [.email, .question])

        // Sixty days since the last run: more than the policy's purge.max_gap, so the purge shows what
        // it would do and refuses until the clock is confirmed.
        let refused = try inbox.run(["purge"], at: "+91d")
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--confirm-clock"))
        #expect(refused.standardOutput.contains("delete  \(reference)  email"))
        #expect(try await store.record(reference)?.fields == [.email, .question])

        let later = try inbox.run(["purge", "--confirm-clock"], at: "+91d")
        #expect(later.status == 0, "\(later.standardError)")
        #expect(later.standardOutput.contains("Deleted fields: 1 email, 0 question, 0 answer"))
        #expect(try await store.record(reference)?.fields == [.question])

        let muchLater = try inbox.run(["purge", "--confirm-clock"], at: "+731d")
        #expect(muchLater.status == 0, "\(muchLater.standardError)")
        #expect(try await store.record(reference) == nil)
        #expect(muchLater.standardOutput.contains("Keys destroyed:"))
        #expect(!muchLater.standardOutput.contains("Keys destroyed: none"))
    }

    @Test("a clock earlier than the last purge is refused, confirmed or not, and nothing changes")
    func clockBack() async throws {
        let reference = try await inbox.submit()
        #expect(try inbox.run(["purge"], at: "+10d").status == 0)
        let back = try inbox.run(["purge", "--confirm-clock"], at: "+5d")
        #expect(back.status != 0)
        #expect(back.standardError.contains("earlier than the last purge"))
        #expect(try await inbox.store().record(reference)?.fields == [.email, .question])
    }

    @Test("--as-of without --dry-run is refused")
    func asOfNeedsDryRun() throws {
        let result = try inbox.run(["purge", "--as-of", "2030-01-01"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--as-of plans ahead and needs --dry-run"))
    }

    @Test("an unusable database is a clear error and a non-zero exit")
    func unusableDatabase() throws {
        try Data("this is not a database".utf8).write(to: URL(fileURLWithPath: "\(inbox.dataDirectory)/inbox.sqlite"))
        let result = try inbox.run(["purge"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("cannot open the database"))
    }
}
