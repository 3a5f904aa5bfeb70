// The keyless purge on a real SQLite file and a real key directory, with time injected.
import Foundation
import GRDB
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("purge")
struct PurgeTests {
    static let day = InboxFixture.day
    /// 10 January 2026, 12:00 UTC.
    let t0 = Date(timeIntervalSince1970: 1_768_046_400)

    @Test("expired fields go, unexpired and held ones stay, emptied records are deleted")
    func expiry() async throws {
        let inbox = try InboxFixture(created: t0)
        let answered = try await inbox.submit(at: t0)
        let unanswered = try await inbox.submit(at: t0)
        let held = try await inbox.submit(at: t0)
        let recent = try await inbox.submit(at: t0 + 80 * Self.day)
        try await inbox.markAnswered(answered.reference, at: t0 + 2 * Self.day)
        try await inbox.setHoldMarker(held.reference, hold: Hold(reason: "court order", since: t0 + Self.day))

        // Day 32 after the answer: the answered record's email is due (30 days after answered).
        let first = try await inbox.purge.run(now: t0 + 33 * Self.day, confirmedClock: true)
        #expect(first.deletedFields == ["email": 1])
        #expect(try await inbox.store.record(answered.reference)?.fields == [.question, .answer])
        #expect(try await inbox.store.record(unanswered.reference)?.fields == [.email, .question])

        // Day 91: the unanswered one reaches the 90-day hard maximum; the held one does not go.
        let second = try await inbox.purge.run(now: t0 + 91 * Self.day, confirmedClock: true)
        #expect(second.deletedFields == ["email": 1])
        #expect(second.referencesAffected == [unanswered.reference.text])
        #expect(try await inbox.store.record(held.reference)?.fields == [.email, .question])
        #expect(try await inbox.store.record(recent.reference)?.fields == [.email, .question])

        // Two years on, questions and answers go and their records with them; the held one stays.
        let third = try await inbox.purge.run(now: t0 + 731 * Self.day, confirmedClock: true)
        #expect(Set(third.recordsDeleted) == [answered.reference.text, unanswered.reference.text])
        #expect(try await inbox.store.record(held.reference) != nil)
        #expect(try await inbox.store.record(answered.reference) == nil)
    }

    @Test("a second run is a no-op; an empty store is a no-op")
    func idempotent() async throws {
        let inbox = try InboxFixture(created: t0)
        let empty = try await inbox.purge.run(now: t0, confirmedClock: true)
        #expect(empty.deletedFields.isEmpty && empty.recordsDeleted.isEmpty && empty.keysDestroyed.isEmpty)
        try await inbox.submit(at: t0)
        let first = try await inbox.purge.run(now: t0 + 100 * Self.day, confirmedClock: true)
        #expect(first.deletedFields == ["email": 1])
        let second = try await inbox.purge.run(now: t0 + 100 * Self.day, confirmedClock: true)
        #expect(second.deletedFields.isEmpty)
        #expect(second.keysDestroyed.isEmpty)
        #expect(try await inbox.store.recordCount() == 1)
    }

    @Test("a dry run, even far ahead, changes nothing")
    func dryRun() async throws {
        let inbox = try InboxFixture(created: t0)
        let submitted = try await inbox.submit(at: t0)
        let before = try inbox.databaseBytes(sharedMemory: false)
        let keyFiles = try FileManager.default.subpathsOfDirectory(atPath: inbox.keys.path).sorted()

        let plan = try await inbox.purge.plan(asOf: t0 + 800 * Self.day)
        #expect(Set(plan.fields.map(\.field)) == [.email, .question])
        #expect(plan.fields.first { $0.field == .email }?.rule == "hard maximum 90 days after received")
        #expect(plan.fields.first { $0.field == .question }?.rule == "2 years after received")
        #expect(plan.keys.contains { $0.epoch == 202601 && $0.field == .email })

        #expect(try inbox.databaseBytes(sharedMemory: false) == before)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: inbox.keys.path).sorted() == keyFiles)
        #expect(try await inbox.store.record(submitted.reference)?.fields == [.email, .question])
        #expect(try await inbox.store.entries(of: .purge).isEmpty)
    }

    @Test("purged ciphertext is gone from the database file and its WAL; kept ciphertext is found")
    func bytesGone() async throws {
        let inbox = try InboxFixture(created: t0)
        let purged = try await inbox.submit(at: t0)
        let kept = try await inbox.submit(at: t0 + 60 * Self.day)
        let contains = { (haystack: Data, needle: Data) in haystack.range(of: needle) != nil }
        // The scan works: before the purge, both are somewhere in the files.
        #expect(contains(try inbox.databaseBytes(), purged.sealed[.email]!))

        _ = try await inbox.purge.run(now: t0 + 91 * Self.day, confirmedClock: true)
        let after = try inbox.databaseBytes()
        #expect(!contains(after, purged.sealed[.email]!))
        #expect(!contains(after, purged.sealed[.email]!.prefix(37)))  // not even its header and enc
        #expect(contains(after, kept.sealed[.email]!))
        let walSize = (try? FileManager.default.attributesOfItem(atPath: inbox.databasePath + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0)
    }

    @Test("keys are destroyed at the epoch's end plus the hard maximum, not a second earlier, never current or hold")
    func keySchedule() async throws {
        let inbox = try InboxFixture(created: t0)
        // Epoch 202601 ends 2026-02-01; email's hard maximum is 90 days: due 2026-05-02.
        let due = ISO8601DateFormatter().date(from: "2026-05-02T00:00:00Z")!
        let early = try await inbox.purge.run(now: due - 1, confirmedClock: true)
        #expect(early.keysDestroyed.isEmpty)
        let onTime = try await inbox.purge.run(now: due, confirmedClock: true)
        #expect(onTime.keysDestroyed == ["202601/email"])
        #expect(throws: CryptoError.self) { try inbox.keys.publicKey(epoch: 202601, field: .email) }
        #expect(try inbox.keys.publicKey(epoch: 202601, field: .question).epoch == 202601)
        let states = try inbox.keys.list(now: due + 1000 * Self.day)
        #expect(states.filter { $0.epoch == 0 }.allSatisfy { $0.state == .hold })

        // Far in the future, only past epochs go, however old the policy says they may be.
        let far = due + 3000 * Self.day
        _ = try await inbox.purge.run(now: far, confirmedClock: true)
        let current = try inbox.keys.calendar().epoch(containing: far)
        for status in try inbox.keys.list(now: far) where status.epoch >= current || status.epoch == 0 {
            #expect(status.state != .destroyed, "\(status.epoch)/\(status.field)")
        }
    }

    @Test("a field whose key was destroyed cannot be opened any more, anywhere")
    func destroyedKeyUnreadable() async throws {
        let inbox = try InboxFixture(created: t0)
        let submitted = try await inbox.submit(at: t0)
        let backup = submitted.sealed[.email]!
        _ = try await inbox.purge.run(now: t0 + 200 * Self.day, confirmedClock: true)
        let hierarchy = KeyHierarchy(keys: inbox.keys, privateKeys: PrivateKeyDirectory(path: "\(inbox.directory.path)/private"))
        let master = try hierarchy.openMasterKey(passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)))
        #expect(throws: CryptoError.self) { try hierarchy.openEpochKey(epoch: 202601, field: .email, master: master) }
        #expect(try SealedField(bytes: backup).epoch == 202601)
    }

    @Test("a shortened retention applies to existing records at the next run, and the log says so")
    func shortenedRetention() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        try await inbox.markAnswered(record.reference, at: t0)
        let before = try await inbox.purge.run(now: t0 + 10 * Self.day, confirmedClock: true)
        #expect(before.deletedFields.isEmpty)
        #expect(!before.policyChanged)

        let text = try String(contentsOfFile: InboxFixture.defaultPolicyPath, encoding: .utf8)
        try inbox.usePolicy(text.replacingOccurrences(of: "keep = \"30 days\"", with: "keep = \"7 days\""))
        let after = try await inbox.purge.run(now: t0 + 10 * Self.day, confirmedClock: true)
        #expect(after.deletedFields == ["email": 1])
        #expect(after.policyChanged)
        #expect(after.previousPolicyDigest == before.policyDigest)
        let logged = try await PurgeLog(store: inbox.store, keys: inbox.keys).reports()
        #expect(logged.last?.previousPolicyDigest == before.policyDigest)
    }

    @Test("erasures on the suppression list are applied again after restoring an older database")
    func suppressionReplay() async throws {
        let inbox = try InboxFixture(created: t0)
        let erased = try await inbox.submit(at: t0)
        let kept = try await inbox.submit(at: t0)
        _ = try await inbox.purge.run(now: t0, confirmedClock: true)
        // An online backup, taken after a purge and before the erasure.
        let backup = try inbox.copyDatabase()

        // The real erasure: the suppression list, the record, and an audit entry that moves the
        // anchor past where the backup's log ends.
        _ = try await Erasure(store: inbox.store, keys: inbox.keys, audit: inbox.audit).erase([erased.reference], now: t0 + Self.day)
        #expect(try await inbox.store.record(erased.reference) == nil)
        _ = try await inbox.purge.run(now: t0 + Self.day, confirmedClock: true)

        // Restore: the old file comes back with the erased record in it. Its logs end before their
        // anchors, so the purge refuses to run on, but the erasure is applied again first.
        try inbox.restoreDatabase(from: backup)
        #expect(try await inbox.store.record(erased.reference) != nil)
        await #expect(throws: AnchoredLogError.self) { try await inbox.purge.run(now: t0 + 2 * Self.day, confirmedClock: true) }
        #expect(try await inbox.store.record(erased.reference) == nil)
        #expect(try await inbox.store.record(kept.reference) != nil)
        #expect(!(try inbox.databaseBytes()).contains(erased.sealed[.question]!))

        // Once the operator accepts the restored logs, the purge runs as usual.
        try await inbox.acceptRestoredLogs(at: t0 + 2 * Self.day)
        let report = try await inbox.purge.run(now: t0 + 2 * Self.day, confirmedClock: true)
        #expect(report.suppressionReapplied == [])
        #expect(try await inbox.store.record(kept.reference) != nil)
    }

    @Test("the suppression list refuses a changed entry")
    func suppressionTamper() throws {
        let inbox = try InboxFixture(created: t0)
        let list = SuppressionList(keys: inbox.keys)
        try list.append([try Reference.random(), try Reference.random()], at: t0)
        #expect(try list.entries().count == 2)
        var text = try String(contentsOfFile: list.path, encoding: .utf8)
        let other = try Reference.random().text
        text = other + text.dropFirst(other.count)
        try text.write(toFile: list.path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: list.path)
        #expect(throws: ChainedListError.self) { try list.entries() }
    }

    @Test("the purge log's chain verifies and detects a modified, removed or reordered entry")
    func purgeLogChain() async throws {
        let inbox = try InboxFixture(created: t0)
        for offset in [0, 1, 2, 3] { _ = try await inbox.purge.run(now: t0 + Double(offset) * Self.day) }
        let log = PurgeLog(store: inbox.store, keys: inbox.keys)
        #expect(try await log.verify() == .intact(entries: 4))
        let ids = try await inbox.store.entries(of: .purge).map(\.id)

        try await inbox.store.pool.write { db in
            try db.execute(
                sql: "UPDATE purge_log SET body = replace(body, 'keys_destroyed', 'keys_destroyeD') WHERE id = ?", arguments: [ids[1]])
        }
        guard case .broken(ids[1], _) = try await log.verify() else {
            Issue.record("a changed purge-log entry went unnoticed")
            return
        }

        let second = try InboxFixture(created: t0)
        for offset in [0, 1, 2] { _ = try await second.purge.run(now: t0 + Double(offset) * Self.day) }
        let secondIDs = try await second.store.entries(of: .purge).map(\.id)
        try await second.store.pool.write { db in try db.execute(sql: "DELETE FROM purge_log WHERE id = ?", arguments: [secondIDs[1]]) }
        guard case .broken(secondIDs[2], _) = try await PurgeLog(store: second.store, keys: second.keys).verify() else {
            Issue.record("a removed purge-log entry went unnoticed")
            return
        }
    }

    /// The red team's finding: with a "1 month" rule, a record received 31 January 12:00 was shown
    /// "deleted by 28 February 12:00" but survived a purge at 28 February 23:59 (a fixed day of
    /// slack in the purge's range query). One rule now computes the deadline for both.
    @Test("a month after 31 January is 28 February, for the display and for the purge alike")
    func monthEndDeadline() async throws {
        let received = try #require(ISO8601DateFormatter().date(from: "2027-01-31T12:00:00Z"))
        let inbox = try InboxFixture(created: received)
        let text = try String(contentsOfFile: InboxFixture.defaultPolicyPath, encoding: .utf8)
        // The email field's rules in the default policy, replaced by one month after receipt (and
        // the test stops if the default's wording changed, rather than test the default instead).
        let emailRules =
            "retention = [\n    { after = \"answered\", keep = \"30 days\" },\n"
            + "    # Closed without an answer: forwarded to another agency, or no answer needed.\n"
            + "    { after = \"closed\", keep = \"30 days\" },\n]"
        try #require(text.contains(emailRules))
        try inbox.usePolicy(
            text.replacingOccurrences(of: emailRules, with: "retention = [\n    { after = \"received\", keep = \"1 month\" },\n]"))
        let record = try await inbox.submit(at: received)
        let shown = inbox.policy.policy.field(.email).deadline(received: received, answered: nil).date
        #expect(shown == ISO8601DateFormatter().date(from: "2027-02-28T12:00:00Z"))
        _ = try await inbox.purge.run(now: shown - 1)
        #expect(try await inbox.store.record(record.reference)?.fields.contains(.email) == true)
        let report = try await inbox.purge.run(now: try #require(ISO8601DateFormatter().date(from: "2027-02-28T23:59:00Z")))
        #expect(report.deletedFields["email"] == 1)
        #expect(try await inbox.store.record(record.reference)?.fields == [.question])
    }

    @Test("the purge refuses a clock earlier than its last run, and a jump past purge.max_gap unless confirmed")
    func clockChecks() async throws {
        let inbox = try InboxFixture(created: t0)
        let record = try await inbox.submit(at: t0)
        _ = try await inbox.purge.run(now: t0 + Self.day)
        // Back in time: refused whatever the confirmation.
        let back = try await #require(throws: PurgeClockError.self) { try await inbox.purge.run(now: t0, confirmedClock: true) }
        #expect(back.verdict == .earlierThanLastRun(lastRun: t0 + Self.day))
        // Years ahead: refused without a confirmation, and nothing is deleted or destroyed.
        let far = t0 + 1500 * Self.day
        let ahead = try await #require(throws: PurgeClockError.self) { try await inbox.purge.run(now: far) }
        #expect(ahead.description.contains("--confirm-clock"))
        #expect(try await inbox.store.record(record.reference) != nil)
        #expect(try inbox.keys.list(now: far).allSatisfy { $0.state != .destroyed })
        #expect(try await PurgeLog(store: inbox.store, keys: inbox.keys).reports().count == 1)
        // Within the gap: fine; and a confirmed jump goes through.
        _ = try await inbox.purge.run(now: t0 + 7 * Self.day)
        _ = try await inbox.purge.run(now: far, confirmedClock: true)
        #expect(try await inbox.store.record(record.reference) == nil)
    }

    /// Found by review: with the newest entry's time set to 2099 and its hash left alone, every purge
    /// refused as if its clock had gone back, with no way to override it.
    @Test("a purge-log entry changed without its hash is called changed, not taken for the last run")
    func purgeLogTailChanged() async throws {
        let inbox = try InboxFixture(created: t0)
        _ = try await inbox.purge.run(now: t0)
        try await inbox.store.pool.write { db in try db.execute(sql: "UPDATE purge_log SET body = replace(body, '2026-', '2099-')") }
        let refused = try await #require(throws: AnchoredLogError.self) { try await inbox.purge.run(now: t0 + Self.day) }
        #expect(refused.description.contains("was changed"))
    }

    @Test(
        "on the same boot, a wall clock that moved further than the machine ran is set forward",
        arguments: [
            (3_600.0, 3_560.0, "same", false), (3_600.0, 3_500.0, "same", true), (6 * 86_400.0, 3_600.0, "same", true),
            (6 * 86_400.0, 3_600.0, "another", false),
            (86_400.0, 86_400.0 - 30, "same", false),
        ] as [(Double, Double, String, Bool)])
    func bootClock(wall: Double, boot: Double, bootID: String, refused: Bool) {
        let last = BootTime(id: "same", seconds: 1_000)
        let verdict = PurgeClock.judge(
            now: t0 + wall, lastRun: t0, maxGap: RetentionDuration(amount: 7, unit: .days), lastBoot: last,
            boot: BootTime(id: bootID, seconds: 1_000 + boot))
        if refused {
            guard case .aheadOfTheBootClock = verdict else {
                Issue.record("a clock set forward within the maximum gap went unnoticed: \(verdict)")
                return
            }
        } else {
            #expect(verdict == .plausible)
        }
    }

    @Test("a clock walked forward six days an hour is caught at the second step")
    func walkedForward() async throws {
        let inbox = try InboxFixture(created: t0)
        var purge = inbox.purge
        let started = BootTime(id: "boot", seconds: 100)
        purge.bootTime = { started }
        _ = try await purge.run(now: t0)
        purge.bootTime = { BootTime(id: "boot", seconds: 100 + 3_600) }
        await #expect(throws: PurgeClockError.self) { try await purge.run(now: t0 + 6 * Self.day) }
        _ = try await purge.run(now: t0 + 3_600)
    }

    @Test("a purge log whose last entry was deleted by hand stops the purge: its clock check would trust it")
    func purgeLogTampering() async throws {
        let inbox = try InboxFixture(created: t0)
        for offset in [0.0, 1] { _ = try await inbox.purge.run(now: t0 + offset * Self.day) }
        try await inbox.store.pool.write { db in try db.execute(sql: "DELETE FROM purge_log WHERE id = (SELECT max(id) FROM purge_log)") }
        await #expect(throws: AnchoredLogError.self) { try await inbox.purge.run(now: t0 + 2 * Self.day) }
    }

    @Test("the purge is safe while submissions keep arriving: none is lost")
    func concurrentIntake() async throws {
        let inbox = try InboxFixture(created: t0)
        for _ in 0..<300 { try await inbox.submit(at: t0) }
        // They arrive in an epoch that exists, and are far from any deadline.
        let (store, keys, arrival) = (inbox.store, inbox.keys, t0 + 50 * Self.day)
        let writer = Task.detached {
            var references: [Reference] = []
            for _ in 0..<200 {
                await references.append(
                    try InboxFixture.submit(to: store, keys: keys, at: arrival, email: "b@example.se", question: "?").reference)
            }
            return references
        }
        var purge = inbox.purge
        purge.batchSize = 25
        let report = try await purge.run(now: t0 + 95 * Self.day, confirmedClock: true)
        let arrived = try await writer.value
        #expect(report.deletedFields["email"] == 300)
        for reference in arrived {
            #expect(try await inbox.store.record(reference)?.fields == [.email, .question])
        }
    }
}
