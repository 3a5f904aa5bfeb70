// The contract of the register and the spam queue, on every engine: an entry for every case from
// the moment its record is inserted, with its topic, page and language; an outcome that follows
// the case; the first reply kept once; an erasure and the purge's deletion noted, never the entry
// deleted with the record; spam kept, found by its own clock, and returned to the queue.
import Foundation
import InboxCrypto
import InboxStore
import Testing

@Suite("register and spam")
struct RegisterContractTests {
    let t0 = StoreContract.t0
    let day = StoreContract.day

    func submission(
        _ received: Date, topic: String? = nil, page: String? = nil, spam: Bool = false, bytes: UInt8 = 1
    ) throws -> NewSubmission {
        let plain = try StoreContract.submission(received, bytes: bytes)
        return NewSubmission(
            reference: plain.reference, receivedAt: received, sealedFields: plain.sealedFields, emailIndex: plain.emailIndex,
            language: .sv, origin: SubmissionOrigin(topic: topic, page: page), isSpam: spam)
    }

    func entry(_ store: any InboxStore, _ reference: Reference) async throws -> RegisterEntry {
        try #require(try await store.registerEntries(receivedFrom: nil, to: nil).first { $0.reference == reference })
    }

    @Test("every case has an entry from its insert; its outcome and first reply follow the case", arguments: StoreEngine.all)
    func outcomes(engine: StoreEngine) async throws {
        try await engine.run { store in
            let answered = try submission(t0, topic: "accessibility", page: "/om-oss")
            let interim = try submission(t0 + 1, bytes: 2)
            let forwarded = try submission(t0 + 2, bytes: 3)
            let quiet = try submission(t0 + 3, bytes: 4)
            try await store.insert([answered, interim, forwarded, quiet])
            let fresh = try await entry(store, answered.reference)
            #expect(fresh.receivedAt == t0 && fresh.topic == "accessibility" && fresh.page == "/om-oss" && fresh.language == .sv)
            #expect(fresh.outcome == .open && fresh.endedAt == nil && fresh.firstReplyAt == nil)
            let record = try #require(try await store.record(answered.reference))
            #expect(record.topic == "accessibility" && record.page == "/om-oss")

            _ = try await store.markAnswered(
                answered.reference, sealedAnswer: Data([1]), by: "anna", at: t0 + day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            _ = try await store.addNote(
                interim.reference, kind: .interim, author: "anna", sealed: Data([2]), at: t0 + 2 * day, claimedBy: nil, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            _ = try await store.changeClaim(interim.reference, from: nil, to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            _ = try await store.markAnswered(
                interim.reference, sealedAnswer: Data([3]), by: "anna", at: t0 + 5 * day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            for (record, message) in [(forwarded, Data([4]) as Data?), (quiet, nil)] {
                _ = try await store.changeClaim(
                    record.reference, from: nil, to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
                _ = try await store.markClosed(
                    record.reference,
                    closure: CaseClosure(
                        reason: message == nil ? .noAnswerNeeded : .forwarded, at: t0 + 3 * day,
                        forwardedTo: message.map { _ in "Skatteverket" }),
                    sealedMessage: message, by: "anna", heldWith: nil, audit: StoreContract.append(.audit, ["{}"]))
            }

            let a = try await entry(store, answered.reference)
            #expect(a.outcome == .answered && a.endedAt == t0 + day && a.firstReplyAt == t0 + day)
            let i = try await entry(store, interim.reference)
            #expect(i.outcome == .answered && i.endedAt == t0 + 5 * day && i.firstReplyAt == t0 + 2 * day)
            let f = try await entry(store, forwarded.reference)
            #expect(f.outcome == .closed && f.closeReason == .forwarded && f.endedAt == t0 + 3 * day && f.firstReplyAt == t0 + 3 * day)
            let q = try await entry(store, quiet.reference)
            #expect(q.outcome == .closed && q.closeReason == .noAnswerNeeded && q.firstReplyAt == nil)
            #expect(
                try await store.registerEntries(receivedFrom: t0 + 1, to: t0 + 3).map(\.reference) == [
                    interim.reference, forwarded.reference,
                ])
        }
    }

    @Test("an erasure and the purge delete the record, never its entry: they are noted in it", arguments: StoreEngine.all)
    func deletionsAreNoted(engine: StoreEngine) async throws {
        try await engine.run { store in
            let erased = try submission(t0)
            let purged = try submission(t0, bytes: 2)
            try await store.insert([erased, purged])
            _ = try await store.markAnswered(
                erased.reference, sealedAnswer: Data([1]), by: "anna", at: t0 + day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.erase([erased.reference], at: t0 + 2 * day) == [erased.reference])
            let e = try await entry(store, erased.reference)
            #expect(e.outcome == .answered && e.shownOutcome == "erased" && e.erasedAt == t0 + 2 * day && e.deletedAt == t0 + 2 * day)
            // The suppression list applied again after a restore keeps the first erasure's time.
            #expect(try await store.erase([erased.reference], at: t0 + 9 * day) == [])

            let candidates =
                try await store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
                + store.purgeCandidates(field: .question, event: .received, cutoff: t0, limit: 10)
            #expect(
                try await store.deleteFields(candidates.map { FieldToDelete(recordID: $0.recordID, field: $0.field) }, at: t0 + 3 * day)
                    == [purged.reference])
            let p = try await entry(store, purged.reference)
            #expect(p.outcome == .open && p.erasedAt == nil && p.deletedAt == t0 + 3 * day)

            // The register's own rule: only entries whose record is gone are candidates.
            let kept = try submission(t0, bytes: 3)
            try await store.insert([kept])
            let due = try await store.registerCandidates(cutoff: t0 + day, limit: 10).map(\.reference)
            #expect(Set(due) == [erased.reference, purged.reference])
            #expect(try await store.deleteRegisterEntries([erased.reference, kept.reference]) == 1)
            #expect(
                try await store.registerEntries(receivedFrom: nil, to: nil).map(\.reference).sorted()
                    == [purged.reference, kept.reference].sorted())
        }
    }

    @Test("a reference is never given twice while its register entry lives", arguments: StoreEngine.all)
    func referencesOutliveRecords(engine: StoreEngine) async throws {
        try await engine.run { store in
            let first = try submission(t0)
            try await store.insert([first])
            _ = try await store.erase([first.reference], at: t0)
            let again = NewSubmission(
                reference: first.reference, receivedAt: t0 + day, sealedFields: first.sealedFields, emailIndex: nil)
            let refused = await #expect(throws: StoreError.self) { try await store.insert([again]) }
            #expect(refused?.isConstraintViolation == true)
            #expect(try await store.record(first.reference) == nil)
            // The refusal left nothing half-done: the next submission (the same statements, on
            // SQLite cached ones) is stored whole.
            let next = try submission(t0 + day, bytes: 2)
            try await store.insert([next])
            #expect(try await store.record(next.reference).map { Set($0.fields) } == [.email, .question])
        }
    }

    @Test("spam: stored as received, moved by staff with an audit entry, found by the time it became spam", arguments: StoreEngine.all)
    func spamQueue(engine: StoreEngine) async throws {
        try await engine.run { store in
            let trapped = try submission(t0, spam: true)
            let marked = try submission(t0, bytes: 2)
            try await store.insert([trapped, marked])
            let stored = try #require(try await store.record(trapped.reference))
            #expect(stored.status == .spam && stored.markedSpamAt == t0 && stored.fields == [.question, .email])
            #expect(try await entry(store, trapped.reference).outcome == .spam)
            #expect(try await store.records(status: .spam, held: nil).map(\.reference) == [trapped.reference])

            // A colleague's claim stops it; then the claimant marks it, and the claim ends with it.
            _ = try await store.changeClaim(marked.reference, from: nil, to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            await #expect(throws: StoreError.self) {
                try await store.markSpam(marked.reference, spam: true, by: "bertil", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            }
            try await store.saveDraft(marked.reference, sealedDraft: Data([9]), at: t0, by: "anna")
            _ = try await store.markSpam(
                marked.reference, spam: true, by: "anna", at: t0 + 10 * day, audit: StoreContract.append(.audit, ["{\"spam\":1}"]))
            let spam = try #require(try await store.record(marked.reference))
            #expect(spam.status == .spam && spam.claim == nil && spam.markedSpamAt == t0 + 10 * day)
            #expect(try await store.draft(of: marked.reference) == nil)
            let markedEntry = try await entry(store, marked.reference)
            #expect(markedEntry.outcome == .spam && markedEntry.endedAt == t0 + 10 * day)
            await #expect(throws: StoreError.self) {
                try await store.markSpam(marked.reference, spam: true, by: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            }

            // The spam clock: the trapped one is due first; the marked one counts from its marking.
            #expect(try await store.spamCandidates(field: .question, cutoff: t0 + day, limit: 10).map(\.reference) == [trapped.reference])
            let both = try await store.spamCandidates(field: .email, cutoff: t0 + 10 * day, limit: 10)
            #expect(both.map(\.reference) == [trapped.reference, marked.reference])
            #expect(both.map(\.markedSpamAt) == [t0, t0 + 10 * day])

            _ = try await store.markSpam(
                marked.reference, spam: false, by: "bertil", at: t0 + 11 * day, audit: StoreContract.append(.audit, ["{}"]))
            let reopened = try #require(try await store.record(marked.reference))
            #expect(reopened.status == .open && reopened.markedSpamAt == nil)
            let back = try await entry(store, marked.reference)
            #expect(back.outcome == .open && back.endedAt == nil)
            #expect(try await store.spamCandidates(field: .email, cutoff: t0 + 30 * day, limit: 10).map(\.reference) == [trapped.reference])
            await #expect(throws: StoreError.self) {
                try await store.markSpam(marked.reference, spam: false, by: "bertil", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            }
            // Three moves were recorded, each with its entry; the refused ones wrote none.
            #expect(try await store.entries(of: .audit).count == 3)
        }
    }

    @Test("a case that became spam is answered, closed or noted by nobody; nothing of a refused one is kept", arguments: StoreEngine.all)
    func spamEndsTheCase(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try submission(t0, spam: true)
            try await store.insert([record])
            let answered = await StoreContract.expectRepliesRefused(store, record.reference, by: "anna", claimedBy: nil)
            #expect(answered?.description == "\(record.reference) was spam meanwhile")
            await #expect(throws: StoreError.self) { try await store.confirmClaim(record.reference, by: "anna") }
            await #expect(throws: StoreError.self) {
                try await store.changeClaim(record.reference, from: nil, to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            }
            let stored = try #require(try await store.record(record.reference))
            #expect(stored.status == .spam && stored.fields == [.email, .question] && stored.claim == nil)
            #expect(try await store.entries(of: .audit).isEmpty)
            #expect(try await entry(store, record.reference).firstReplyAt == nil)
        }
    }

    @Test(
        "a purge planned by the spam rule deletes nothing of a case returned to the queue, or marked again, meanwhile",
        arguments: StoreEngine.all)
    func spamReturnedMeanwhile(engine: StoreEngine) async throws {
        try await engine.run { store in
            let returned = try submission(t0, spam: true)
            let remarked = try submission(t0, spam: true, bytes: 2)
            let still = try submission(t0, spam: true, bytes: 3)
            try await store.insert([returned, remarked, still])
            var planned: [PurgeCandidate] = []
            for field in [RecordField.email, .question] {
                planned += try await store.spamCandidates(field: field, cutoff: t0 + day, limit: 10)
            }
            #expect(planned.count == 6)
            _ = try await store.markSpam(
                returned.reference, spam: false, by: "anna", at: t0 + day, audit: StoreContract.append(.audit, ["{}"]))
            _ = try await store.markSpam(
                remarked.reference, spam: false, by: "anna", at: t0 + day, audit: StoreContract.append(.audit, ["{}"]))
            _ = try await store.markSpam(
                remarked.reference, spam: true, by: "anna", at: t0 + 2 * day, audit: StoreContract.append(.audit, ["{}"]))
            let deleted = try await store.deleteFields(
                planned.map { FieldToDelete(recordID: $0.recordID, field: $0.field, spamSince: $0.markedSpamAt) }, at: t0 + 31 * day)
            #expect(deleted == [still.reference])
            #expect(try await store.record(returned.reference)?.fields == [.email, .question])
            #expect(try await store.record(remarked.reference)?.fields == [.email, .question])
        }
    }
}
