// The audit log verifies while untouched, and names what was done to it otherwise: a changed,
// removed or reordered entry by its id, a cut-off end through the anchor in the key directory.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import Testing

@testable import InboxStore

@Suite("audit log")
struct AuditLogTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// An inbox whose audit log holds five entries.
    func filled() throws -> (InboxFixture, AuditLog, [Int64]) {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keyDirectory: inbox.keys.path)
        for index in 0..<5 {
            try log.append(
                AuditLog.entry(
                    action: "open", reference: try Reference.random(), purpose: "answering", at: t0 + Double(index),
                    environment: ["SUDO_USER": "anna"]))
        }
        return (inbox, log, try log.entries().map(\.id))
    }

    @Test("an untouched log verifies, and entries say who, what and why")
    func intact() throws {
        let (inbox, log, _) = try filled()
        try withExtendedLifetime(inbox) {
            #expect(try log.verify() == .intact(entries: 5))
            let first = try #require(try log.entries().first?.entry)
            #expect(first.action == "open" && first.purpose == "answering" && first.claimedBy == "anna")
            #expect(first.uid == getuid())
            #expect(!first.user.isEmpty)
        }
    }

    @Test("a changed entry is named")
    func changed() throws {
        let (inbox, log, ids) = try filled()
        try inbox.store.pool.write { db in
            try db.execute(sql: "UPDATE audit_log SET body = replace(body, 'answering', 'marketing') WHERE id = ?", arguments: [ids[2]])
        }
        #expect(try log.verify() == .broken(entryID: ids[2], reason: brokenChain))
    }

    @Test("a removed entry is named by the one after it")
    func removed() throws {
        let (inbox, log, ids) = try filled()
        try inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id = ?", arguments: [ids[1]]) }
        #expect(try log.verify() == .broken(entryID: ids[2], reason: brokenChain))
    }

    @Test("reordered entries are named")
    func reordered() throws {
        let (inbox, log, ids) = try filled()
        try inbox.store.pool.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, body, previous_hash, hash FROM audit_log WHERE id IN (?, ?) ORDER BY id", arguments: [ids[1], ids[3]])
            for (row, other) in zip(rows, rows.reversed()) {
                try db.execute(
                    sql: "UPDATE audit_log SET body = ?, previous_hash = ?, hash = ? WHERE id = ?",
                    arguments: [other["body"] as Data, other["previous_hash"] as Data, other["hash"] as Data, row["id"] as Int64])
            }
        }
        #expect(try log.verify() == .broken(entryID: ids[1], reason: brokenChain))
    }

    @Test("a cut-off end is found through the anchor")
    func truncated() throws {
        let (inbox, log, ids) = try filled()
        try inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id >= ?", arguments: [ids[3]]) }
        guard case .broken(nil, let reason) = try log.verify() else {
            Issue.record("truncation not detected")
            return
        }
        #expect(reason.contains("cut off"))
    }

    var brokenChain: String {
        "its hash chain does not hold: the entry or one before it was changed, removed or reordered"
    }
}

@Suite("audit log retention")
struct AuditLogRetentionTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    @Test("the purge removes entries past two years, keeps a checkpoint, and the rest still verifies")
    func removal() throws {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keyDirectory: inbox.keys.path)
        for day in [0.0, 1, 400, 800] {
            try log.append(
                AuditLog.entry(action: "open", reference: try Reference.random(), purpose: "answering", at: t0 + day * InboxFixture.day))
        }
        // Two years after the second entry: the first two go, the later two stay and verify.
        let report = try inbox.purge.run(now: t0 + 732 * InboxFixture.day)
        #expect(report.auditEntriesRemoved == 2)
        #expect(try log.entries().count == 2)
        #expect(try log.verify() == .intact(entries: 2))
        // New entries chain on as before.
        try log.append(AuditLog.entry(action: "open", reference: nil, purpose: "answering", at: t0 + 900 * InboxFixture.day))
        #expect(try log.verify() == .intact(entries: 3))
        // Removing a kept entry by hand is still detected.
        let oldest = try #require(try log.entries().first?.id)
        try inbox.store.deleteEntries(of: .audit, through: oldest)
        guard case .broken = try log.verify() else {
            Issue.record("a removed entry after the checkpoint went unnoticed")
            return
        }
    }

    @Test("a log the retention emptied verifies; emptied by hand after a new entry it does not")
    func emptied() throws {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keyDirectory: inbox.keys.path)
        for day in [0.0, 1] {
            try log.append(
                AuditLog.entry(action: "open", reference: try Reference.random(), purpose: "answering", at: t0 + day * InboxFixture.day))
        }
        // Found by the end-to-end day: every entry past its two years, so none is left.
        #expect(try inbox.purge.run(now: t0 + 1100 * InboxFixture.day).auditEntriesRemoved == 2)
        #expect(try log.verify() == .intact(entries: 0))

        try log.append(AuditLog.entry(action: "open", reference: nil, purpose: "answering", at: t0 + 1101 * InboxFixture.day))
        #expect(try log.verify() == .intact(entries: 1))
        let newest = try #require(try log.entries().last?.id)
        try inbox.store.deleteEntries(of: .audit, through: newest)
        guard case .broken(nil, let reason) = try log.verify() else {
            Issue.record("an emptied log after a new entry went unnoticed")
            return
        }
        #expect(reason.contains("cut off"))
    }
}
