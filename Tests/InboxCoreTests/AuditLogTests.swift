// The audit log verifies while untouched, and names what was done to it otherwise: a changed,
// removed or reordered entry by its id, a cut-off end through the anchor in the key directory.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxPolicy
import Testing

@testable import InboxStore

@Suite("audit log")
struct AuditLogTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// An inbox whose audit log holds five entries.
    func filled() async throws -> (InboxFixture, AuditLog, [Int64]) {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keys: inbox.keys)
        let anna = StaffIdentity(uid: getuid(), user: "contact-inbox", sudo: SudoInvocation(user: "anna", uid: 1001, gid: 1001))
        for index in 0..<5 {
            try await log.append(
                AuditLog.entry(
                    action: .open, reference: try Reference.random(), purpose: .answering, at: t0 + Double(index), identity: anna))
        }
        return (inbox, log, try await log.entries().map(\.id))
    }

    @Test("an untouched log verifies, and entries say who, what and why")
    func intact() async throws {
        let (inbox, log, _) = try await filled()
        #expect(try await log.verify() == .intact(entries: 5))
        let first = try #require(try await log.entries().first?.entry)
        #expect(first.action == .open && first.purpose == .answering && first.claimedBy == "anna")
        #expect(first.uid == getuid())
        #expect(first.user == "contact-inbox")
        withExtendedLifetime(inbox) {}
    }

    @Test("a changed entry is named")
    func changed() async throws {
        let (inbox, log, ids) = try await filled()
        try await inbox.store.pool.write { db in
            try db.execute(sql: "UPDATE audit_log SET body = replace(body, 'answering', 'marketing') WHERE id = ?", arguments: [ids[2]])
        }
        #expect(try await log.verify() == .broken(entryID: ids[2], reason: brokenChain))
    }

    @Test("a removed entry is named by the one after it")
    func removed() async throws {
        let (inbox, log, ids) = try await filled()
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id = ?", arguments: [ids[1]]) }
        #expect(try await log.verify() == .broken(entryID: ids[2], reason: brokenChain))
    }

    @Test("reordered entries are named")
    func reordered() async throws {
        let (inbox, log, ids) = try await filled()
        try await inbox.store.pool.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, body, previous_hash, hash FROM audit_log WHERE id IN (?, ?) ORDER BY id", arguments: [ids[1], ids[3]])
            for (row, other) in zip(rows, rows.reversed()) {
                try db.execute(
                    sql: "UPDATE audit_log SET body = ?, previous_hash = ?, hash = ? WHERE id = ?",
                    arguments: [other["body"] as Data, other["previous_hash"] as Data, other["hash"] as Data, row["id"] as Int64])
            }
        }
        #expect(try await log.verify() == .broken(entryID: ids[1], reason: brokenChain))
    }

    @Test("a cut-off end is found through the anchor")
    func truncated() async throws {
        let (inbox, log, ids) = try await filled()
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id >= ?", arguments: [ids[3]]) }
        guard case .broken(nil, let reason) = try await log.verify() else {
            Issue.record("truncation not detected")
            return
        }
        #expect(reason.contains("anchor"))
    }

    /// The red team's attack: whoever can write the database (the internet-facing account can)
    /// deleted two entries; one unrelated erasure chained over the gap, moved the anchor, and
    /// verify said intact. Now the append refuses, nothing is written, and verify says broken.
    @Test("an append after entries were deleted by hand is refused, and the log stays broken")
    func noChainingOverAGap() async throws {
        let (inbox, log, ids) = try await filled()
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id >= ?", arguments: [ids[3]]) }
        let refused = try await #require(throws: AnchoredLogError.self) {
            try await log.append(AuditLog.entry(action: .erase, reference: try Reference.random(), purpose: .accessRequest, at: t0 + 10))
        }
        #expect(refused.description.contains("ends at entry \(ids[2])") && refused.description.contains("says it ends at entry \(ids[4])"))
        #expect(try await log.entries().map(\.id) == Array(ids[0...2]))
        guard case .broken = try await log.verify() else {
            Issue.record("the gap went unnoticed")
            return
        }
        // Rewriting the whole chain from the start does not help either: the anchor names the end.
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        await #expect(throws: AnchoredLogError.self) {
            try await log.append(AuditLog.entry(action: .erase, reference: nil, purpose: .accessRequest, at: t0 + 11))
        }
    }

    @Test("no time that decides lives outside the hash: the log's columns are the id, the body and the hashes")
    func nothingOutsideTheHash() async throws {
        let (inbox, _, _) = try await filled()
        for table in ["audit_log", "purge_log"] {
            let columns = try await inbox.store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
            }
            #expect(columns == ["id", "body", "previous_hash", "hash"], "\(table)")
        }
    }

    @Test("after an accepted restore, ids go on from the highest ever given")
    func idsAfterRestore() async throws {
        let (inbox, log, ids) = try await filled()
        let backup = try inbox.copyDatabase()
        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 10))
        try inbox.restoreDatabase(from: backup)
        await #expect(throws: AnchoredLogError.self) {
            try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 11))
        }
        let accepted = try #require(try await log.chain.acceptRestoredEnd(reason: "backup of the morning", at: t0 + 12))
        #expect(accepted.to == ids[4] && accepted.from == ids[4] + 1)
        // Five entries, no checkpoint among them yet: all five are shown for a person to read.
        #expect(accepted.unchecked.map(\.id) == ids)
        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 13))
        #expect(try await log.verify() == .intact(entries: 6))
        #expect(try await log.entries().last?.id ?? 0 > ids[4])
    }

    @Test("twelve writers at once, each with its own connection, leave one unbroken chain with every entry")
    func concurrentWriters() async throws {
        let (inbox, _, _) = try await filled()
        let databasePath = inbox.databasePath
        let keys = inbox.keys
        let start = t0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<12 {
                group.addTask {
                    // A store of its own: another connection, as another process would have.
                    let log = AuditLog(store: try SQLiteStore(path: databasePath), keys: keys)
                    for index in 0..<5 {
                        try await log.append(
                            AuditLog.entry(
                                action: .open, reference: nil, purpose: .answering, reason: "writer \(writer)",
                                at: start + Double(100 + index)))
                    }
                }
            }
            try await group.waitForAll()
        }
        let log = AuditLog(store: inbox.store, keys: inbox.keys)
        #expect(try await log.verify() == .intact(entries: 5 + 60))
        await #expect(Set(try log.entries().map(\.id)).count == 65)
    }

    @Test("an append cut short between the database's commit and the anchor's move is finished, not called tampering")
    func pendingAnchor() async throws {
        let (inbox, log, _) = try await filled()
        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 10))
        let stored = try await inbox.store.entries(of: .audit)
        let newest = stored[stored.count - 1]
        let previous = stored[stored.count - 2]
        func hex(_ data: Data) async -> String { data.map { String(format: "%02x", $0) }.joined() }
        // The anchor as it is between the commit and its move: still at the entry before, naming the
        // new one as pending.
        let anchorURL = URL(fileURLWithPath: "\(inbox.keys.path)/audit.anchor")
        var anchor = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: anchorURL)) as? [String: Any])
        anchor["last_id"] = previous.id
        anchor["hash"] = await hex(previous.hash)
        anchor["pending_id"] = newest.id
        anchor["pending_hash"] = await hex(newest.hash)
        try JSONSerialization.data(withJSONObject: anchor).write(to: anchorURL)
        #expect(try await log.verify() == .intact(entries: 6))
        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 11))
        #expect(try await log.verify() == .intact(entries: 7))
    }

    /// Found by review: a body changed without its hash (an entry's time set back) made the
    /// retention remove entries it should have refused to touch.
    @Test("a time changed inside an entry stops the retention: nothing is removed, the purge says why, verify says broken")
    func changedTimeStopsRetention() async throws {
        let (inbox, log, ids) = try await filled()
        try await inbox.store.pool.write { db in
            try db.execute(sql: "UPDATE audit_log SET body = replace(body, '2026', '2000') WHERE id <= ?", arguments: [ids[1]])
        }
        let refused = try await #require(throws: PurgeIncomplete.self) { try await inbox.purge.run(now: t0 + 100, confirmedClock: true) }
        #expect(refused.description.contains("audit log retention"))
        #expect(try await log.entries().count == 5)
        guard case .broken(ids[0], _) = try await log.verify() else {
            Issue.record("the changed time went unnoticed")
            return
        }
    }

    @Test("an entry named in the anchor that never reached the log is recorded in the log")
    func missingEntryIsRecorded() async throws {
        let (inbox, log, ids) = try await filled()
        // The anchor as a command left it when it stopped after naming an entry and before
        // committing it (or after someone removed the committed entry).
        let anchorURL = URL(fileURLWithPath: "\(inbox.keys.path)/audit.anchor")
        var anchor = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: anchorURL)) as? [String: Any])
        anchor["pending_id"] = ids[4] + 1
        anchor["pending_hash"] = String(repeating: "ab", count: 32)
        try JSONSerialization.data(withJSONObject: anchor).write(to: anchorURL)
        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 10))
        let entries = try await log.entries()
        #expect(entries.suffix(2).map(\.entry.action) == [.entryMissing, .open])
        #expect(entries.suffix(2).first?.entry.reason?.contains("after entry \(ids[4])") == true)
        #expect(try await log.verify() == .intact(entries: 7))
    }

    @Test("a forged log is not accepted as a restore: it disagrees with the checkpoints the key directory kept")
    func forgedRestoreRefused() async throws {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keys: inbox.keys)
        for index in 0..<70 {
            try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + Double(index)))
        }
        // Someone with the database's write access alone replaces the log with one of their own,
        // whole and consistent, and asks for it to be taken as a restore.
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'audit_log'") }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var previous = Data(count: 32)
        var forged: [(body: Data, previous: Data, hash: Data)] = []
        for index in 0..<70 {
            let body = try encoder.encode(
                AuditLog.entry(
                    action: .open, reference: nil, purpose: .answering, reason: index == 3 ? "nothing to see" : nil, at: t0 + Double(index))
            )
            let hash = try HashChain.link(previous: previous, body: body)
            forged.append((body, previous, hash))
            previous = hash
        }
        let rows = forged
        try await inbox.store.pool.write { db in
            for row in rows {
                try db.execute(
                    sql: "INSERT INTO audit_log (body, previous_hash, hash) VALUES (?, ?, ?)",
                    arguments: [row.body, row.previous, row.hash])
            }
        }
        let refused = try await #require(throws: AnchoredLogError.self) {
            try await log.chain.acceptRestoredEnd(reason: "a restore, honest", at: t0)
        }
        #expect(refused.description.contains("checkpoint"))
        // Nor with ids beyond where the real log ended.
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id <= 65") }
        await #expect(throws: AnchoredLogError.self) { try await log.chain.acceptRestoredEnd(reason: "a restore, honest", at: t0) }
    }

    var brokenChain: String {
        "its hash chain does not hold: the entry or one before it was changed, removed or reordered"
    }
}

@Suite("audit log retention")
struct AuditLogRetentionTests {
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)  // 10 January 2026

    @Test("the purge removes entries past two years, keeps a checkpoint, and the rest still verifies")
    func removal() async throws {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keys: inbox.keys)
        for day in [0.0, 1, 400, 800] {
            try await log.append(
                AuditLog.entry(action: .open, reference: try Reference.random(), purpose: .answering, at: t0 + day * InboxFixture.day))
        }
        // Two years after the second entry: the first two go, the later two stay and verify.
        let report = try await inbox.purge.run(now: t0 + 732 * InboxFixture.day, confirmedClock: true)
        #expect(report.auditEntriesRemoved == 2)
        #expect(try await log.entries().count == 2)
        #expect(try await log.verify() == .intact(entries: 2))
        // New entries chain on as before.
        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 900 * InboxFixture.day))
        #expect(try await log.verify() == .intact(entries: 3))
        // Removing a kept entry by hand is still detected.
        let oldest = try #require(try await log.entries().first?.id)
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id <= ?", arguments: [oldest]) }
        guard case .broken = try await log.verify() else {
            Issue.record("a removed entry after the checkpoint went unnoticed")
            return
        }
    }

    @Test("a log the retention emptied verifies; emptied by hand after a new entry it does not")
    func emptied() async throws {
        let inbox = try InboxFixture(created: t0)
        let log = AuditLog(store: inbox.store, keys: inbox.keys)
        for day in [0.0, 1] {
            try await log.append(
                AuditLog.entry(action: .open, reference: try Reference.random(), purpose: .answering, at: t0 + day * InboxFixture.day))
        }
        // Found by the end-to-end day: every entry past its two years, so none is left.
        #expect(try await inbox.purge.run(now: t0 + 1100 * InboxFixture.day, confirmedClock: true).auditEntriesRemoved == 2)
        #expect(try await log.verify() == .intact(entries: 0))

        try await log.append(AuditLog.entry(action: .open, reference: nil, purpose: .answering, at: t0 + 1101 * InboxFixture.day))
        #expect(try await log.verify() == .intact(entries: 1))
        let newest = try #require(try await log.entries().last?.id)
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log WHERE id <= ?", arguments: [newest]) }
        guard case .broken(nil, let reason) = try await log.verify() else {
            Issue.record("an emptied log after a new entry went unnoticed")
            return
        }
        #expect(reason.contains("anchor"))
    }
}
