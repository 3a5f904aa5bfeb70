// Requests and holds: the email index, erasure, and re-sealing with a hold.
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("storage contract: requests and holds")
struct RequestStoreContractTests {
    let t0 = StoreContract.t0

    @Test("erasure deletes records with all their fields; unknown references are skipped", arguments: StoreEngine.all)
    func erase(engine: StoreEngine) async throws {
        try await engine.run { store in
            let kept = try StoreContract.submission(t0)
            let erased = try StoreContract.submission(t0)
            try await store.insert([kept, erased])
            let absent = try Reference.random()
            let requests: any RequestStore = store
            #expect(try await requests.erase([erased.reference, absent]) == [erased.reference])
            #expect(try await store.sealedFields(of: erased.reference).isEmpty)
            #expect(try await store.recordCount() == 1)
            #expect(try await requests.erase([erased.reference]) == [])
            try await requests.reclaimDeletedData()
        }
    }

    @Test("the email index finds a person's records, and forgets them with the address", arguments: StoreEngine.all)
    func emailIndex(engine: StoreEngine) async throws {
        try await engine.run { store in
            let first = try StoreContract.submission(t0, bytes: 3)
            let second = try StoreContract.submission(t0 + 60, bytes: 3)
            let other = try StoreContract.submission(t0, bytes: 9)
            try await store.insert([first, second, other])
            #expect(try await store.references(withEmailIndex: Data(repeating: 3, count: 32)) == [first.reference, second.reference])
            let email = try await store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10).filter {
                $0.reference == first.reference
            }
            _ = try await store.deleteFields(email.map { FieldToDelete(recordID: $0.recordID, field: $0.field) })
            #expect(try await store.references(withEmailIndex: Data(repeating: 3, count: 32)) == [second.reference])
            #expect(try await store.references(withEmailIndex: Data(repeating: 7, count: 32)).isEmpty)
        }
    }

    @Test(
        "re-sealing replaces fields, draft and index entry and sets the hold in one step; a field it lacks undoes it",
        arguments: StoreEngine.all)
    func reseal(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0, bytes: 3)
            try await store.insert([record])
            try await store.saveDraft(record.reference, sealedDraft: Data([1]), at: t0)
            let hold = Hold(reason: "court order 12-34", since: t0, keyID: 0x8000_0001)
            try await store.reseal(
                record.reference, sealedFields: [.question: Data([7]), .email: Data([8])], sealedDraft: Data([9]), sealedNotes: [:],
                emailIndex: EmailIndexEntry(hmac: Data(repeating: 4, count: 32), epoch: 0x8000_0001), hold: hold)
            #expect(try await store.sealedFields(of: record.reference) == [.question: Data([7]), .email: Data([8])])
            #expect(try await store.draft(of: record.reference) == Data([9]))
            #expect(try await store.references(withEmailIndex: Data(repeating: 3, count: 32)).isEmpty)
            #expect(try await store.references(withEmailIndex: Data(repeating: 4, count: 32)) == [record.reference])
            #expect(try await store.record(record.reference)?.hold == hold)
            // An answer field the record does not have: nothing of the re-seal is kept.
            await #expect(throws: (any Error).self) {
                try await store.reseal(
                    record.reference, sealedFields: [.question: Data([1]), .answer: Data([1])], sealedDraft: nil, sealedNotes: [:],
                    emailIndex: nil, hold: nil
                )
            }
            #expect(try await store.sealedFields(of: record.reference)[.question] == Data([7]))
            #expect(try await store.record(record.reference)?.hold == hold)
        }
    }
}
