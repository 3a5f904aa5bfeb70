// Staff's role: drafts, and the answer recorded in one transaction with its audit entry.
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("storage contract: cases")
struct CaseStoreContractTests {
    let t0 = StoreContract.t0
    let day = StoreContract.day

    @Test("answering stores the answer, starts the answered clock and appends the audit entry", arguments: StoreEngine.all)
    func answer(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            let appended = try await store.markAnswered(
                record.reference, sealedAnswer: Data([9, 9, 9]), by: "staff", at: t0 + day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{\"answer\":1}"]))
            #expect(appended.tail == nil)
            #expect(appended.entries.map(\.body) == [Data("{\"answer\":1}".utf8)])
            #expect(try await store.entries(of: .audit) == appended.entries)
            let stored = try #require(try await store.record(record.reference))
            #expect(stored.status == .answered)
            #expect(stored.answeredAt == t0 + day)
            #expect(try await store.sealedFields(of: record.reference)[.answer] == Data([9, 9, 9]))
            #expect(try await store.records(status: .open, held: nil).isEmpty)
            #expect(try await store.records(status: .answered, held: nil).count == 1)
            let byAnswer = try await store.purgeCandidates(field: .email, event: .answered, cutoff: t0 + 2 * day, limit: 10)
            #expect(byAnswer.map(\.reference) == [record.reference])
            #expect(byAnswer.first?.answeredAt == t0 + day)
            await #expect(throws: (any Error).self) {
                try await store.markAnswered(
                    Reference.random(), sealedAnswer: Data([1]), by: "staff", at: t0, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            #expect(try await store.entries(of: .audit).count == 1)
        }
    }

    @Test("an answer whose audit entry cannot be written is not recorded either", arguments: StoreEngine.all)
    func answerAndAuditTogether(engine: StoreEngine) async throws {
        struct AnchorUnwritable: Error {}
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            try await store.saveDraft(record.reference, sealedDraft: Data([4]), at: t0)
            await #expect(throws: AnchorUnwritable.self) {
                try await store.markAnswered(
                    record.reference, sealedAnswer: Data([9]), by: "staff", at: t0 + day, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]) { throw AnchorUnwritable() })
            }
            let stored = try #require(try await store.record(record.reference))
            #expect(stored.status == .open && stored.answeredAt == nil)
            #expect(try await store.sealedFields(of: record.reference)[.answer] == nil)
            #expect(try await store.draft(of: record.reference) == Data([4]))
            #expect(try await store.entries(of: .audit).isEmpty)
        }
    }

    @Test(
        "an answer to a record answered, held or released since it was sealed is refused, and nothing of it is kept",
        arguments: StoreEngine.all)
    func answerConflicts(engine: StoreEngine) async throws {
        try await engine.run { store in
            let first = try StoreContract.submission(t0)
            let held = try StoreContract.submission(t0, bytes: 3)
            try await store.insert([first, held])
            _ = try await store.markAnswered(
                first.reference, sealedAnswer: Data([1]), by: "staff", at: t0, heldWith: nil, audit: StoreContract.append(.audit, ["{}"]))
            // A colleague's second answer: the first one stays.
            let again = await #expect(throws: StoreError.self) {
                try await store.markAnswered(
                    first.reference, sealedAnswer: Data([2]), by: "staff", at: t0 + day, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            #expect(again?.description.contains("answered meanwhile") == true)
            #expect(try await store.sealedFields(of: first.reference)[.answer] == Data([1]))
            #expect(try await store.record(first.reference)?.answeredAt == t0)
            // Sealed for an unheld record, and the record was held meanwhile (and the other way round).
            try await store.reseal(
                held.reference, sealedFields: try await store.sealedFields(of: held.reference), sealedDraft: nil, sealedNotes: [:],
                emailIndex: held.emailIndex,
                hold: Hold(reason: "court order 12-34", since: t0, keyID: 0x8000_0001))
            let unheld = await #expect(throws: StoreError.self) {
                try await store.markAnswered(
                    held.reference, sealedAnswer: Data([3]), by: "staff", at: t0, heldWith: nil, audit: StoreContract.append(.audit, ["{}"])
                )
            }
            #expect(unheld?.description.contains("held or released meanwhile") == true)
            await #expect(throws: StoreError.self) {
                try await store.markAnswered(
                    held.reference, sealedAnswer: Data([3]), by: "staff", at: t0, heldWith: 0x8000_0002,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            #expect(try await store.record(held.reference)?.answeredAt == nil)
            #expect(try await store.entries(of: .audit).count == 1)
            _ = try await store.markAnswered(
                held.reference, sealedAnswer: Data([3]), by: "staff", at: t0, heldWith: 0x8000_0001,
                audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.record(held.reference)?.answeredAt == t0)
        }
    }

    @Test("a draft is kept, replaced, and deleted by the answer, the address's deletion or erasure", arguments: StoreEngine.all)
    func drafts(engine: StoreEngine) async throws {
        try await engine.run { store in
            let answered = try StoreContract.submission(t0)
            let purged = try StoreContract.submission(t0, bytes: 3)
            let erased = try StoreContract.submission(t0, bytes: 5)
            let untouched = try StoreContract.submission(t0, bytes: 7)
            try await store.insert([answered, purged, erased, untouched])
            for record in [answered, purged, erased, untouched] {
                #expect(try await store.draft(of: record.reference) == nil)
                try await store.saveDraft(record.reference, sealedDraft: Data([1]), at: t0)
                try await store.saveDraft(record.reference, sealedDraft: Data([2, 2]), at: t0 + 60)
                #expect(try await store.draft(of: record.reference) == Data([2, 2]))
            }
            await #expect(throws: (any Error).self) { try await store.saveDraft(Reference.random(), sealedDraft: Data([1]), at: t0) }

            _ = try await store.markAnswered(
                answered.reference, sealedAnswer: Data([9]), by: "staff", at: t0 + day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.draft(of: answered.reference) == nil)

            let email = try await store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
                .filter { $0.reference == purged.reference }
            _ = try await store.deleteFields(email.map { FieldToDelete(recordID: $0.recordID, field: $0.field) })
            #expect(try await store.draft(of: purged.reference) == nil)

            _ = try await store.erase([erased.reference])
            #expect(try await store.draft(of: erased.reference) == nil)
            #expect(try await store.draft(of: untouched.reference) == Data([2, 2]))
        }
    }
}
