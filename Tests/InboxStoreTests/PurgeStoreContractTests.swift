// The purge's role: candidates by event time, deletion, and the markers it needs after a restore.
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("storage contract: purge")
struct PurgeStoreContractTests {
    let t0 = StoreContract.t0
    let day = StoreContract.day

    func hold(_ store: any InboxStore, _ record: NewSubmission, key: UInt32) async throws {
        try await store.reseal(
            record.reference, sealedFields: try await store.sealedFields(of: record.reference), sealedDraft: nil, sealedNotes: [:],
            emailIndex: record.emailIndex,
            hold: Hold(reason: "court order 12-34", since: t0, keyID: key))
    }

    @Test("purge candidates: only present, expired, unheld fields, oldest first, bounded", arguments: StoreEngine.all)
    func candidates(engine: StoreEngine) async throws {
        try await engine.run { store in
            let records = try (0..<5).map { try StoreContract.submission(t0 + Double($0) * day) }
            try await store.insert(records)
            try await hold(store, records[1], key: 0x8000_0001)
            let purge: any PurgeStore = store
            let expired = try await purge.purgeCandidates(field: .email, event: .received, cutoff: t0 + 3 * day, limit: 10)
            #expect(expired.map(\.reference) == [records[0].reference, records[2].reference, records[3].reference])
            #expect(try await purge.purgeCandidates(field: .email, event: .received, cutoff: t0 + 3 * day, limit: 2).count == 2)
            #expect(try await purge.purgeCandidates(field: .answer, event: .received, cutoff: t0 + 9 * day, limit: 10).isEmpty)
            #expect(try await store.records(status: nil, held: true).map(\.reference) == [records[1].reference])
        }
    }

    @Test("deleting fields removes index entries, and records left without fields", arguments: StoreEngine.all)
    func deleteFields(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            let emailOnly = try await store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
            #expect(try await store.deleteFields(emailOnly.map { FieldToDelete(recordID: $0.recordID, field: $0.field) }) == [])
            #expect(try await store.record(record.reference)?.fields == [.question])
            #expect(try await store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10).isEmpty)
            let question = try await store.purgeCandidates(field: .question, event: .received, cutoff: t0, limit: 10)
            #expect(
                try await store.deleteFields(question.map { FieldToDelete(recordID: $0.recordID, field: $0.field) }) == [record.reference])
            #expect(try await store.record(record.reference) == nil)
            #expect(try await store.recordCount() == 0)
        }
    }

    @Test("a field planned for deletion is kept when its record was held meanwhile: the hold wins", arguments: StoreEngine.all)
    func heldMeanwhile(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            let other = try StoreContract.submission(t0, bytes: 3)
            try await store.insert([record, other])
            let planned = try await store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
            #expect(planned.count == 2)
            try await hold(store, record, key: 0x8000_0001)
            _ = try await store.deleteFields(planned.map { FieldToDelete(recordID: $0.recordID, field: $0.field) })
            #expect(try await store.record(record.reference)?.fields == [.email, .question])
            #expect(try await store.references(withEmailIndex: Data(repeating: 1, count: 32)) == [record.reference])
            #expect(try await store.record(other.reference)?.fields == [.question])
        }
    }

    @Test("present references, the hold keys in use, and holds cleared by key", arguments: StoreEngine.all)
    func restoreMarkers(engine: StoreEngine) async throws {
        try await engine.run { store in
            let records = try (0..<4).map { try StoreContract.submission(t0, bytes: UInt8($0 * 3)) }
            try await store.insert(Array(records.prefix(3)))
            try await hold(store, records[0], key: 0x8000_0001)
            try await hold(store, records[1], key: 0x8000_0002)
            let purge: any PurgeStore = store
            #expect(try await purge.presentReferences(records.map(\.reference)) == records.prefix(3).map(\.reference))
            #expect(try await purge.presentReferences([]) == [])
            #expect(try await purge.holdKeysInUse() == [0x8000_0001, 0x8000_0002])
            #expect(try await purge.clearHolds(withKeys: [0x8000_0002, 0x8000_0009]) == [records[1].reference])
            #expect(try await purge.holdKeysInUse() == [0x8000_0001])
            #expect(try await store.record(records[1].reference)?.hold == nil)
            #expect(try await purge.erase([records[2].reference, records[3].reference], at: Date()) == [records[2].reference])
        }
    }

    @Test("a second purge while one runs is refused at once, not interleaved; afterwards it may run", arguments: StoreEngine.all)
    func onePurgeAtATime(engine: StoreEngine) async throws {
        try await engine.run { store in
            try await store.withPurgeLock(isolation: nil) {
                let second = await #expect(throws: StoreError.self) { try await store.withPurgeLock(isolation: nil) {} }
                #expect(second?.condition == .busy)
                #expect(second?.description.contains("another purge is running") == true)
            }
            let ran = try await store.withPurgeLock(isolation: nil) { true }
            #expect(ran)
        }
    }
}
