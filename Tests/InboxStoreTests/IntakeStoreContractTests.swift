// The intake node's role: every engine stores a batch whole or not at all, and reports whether it
// could write.
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Testing

@Suite("storage contract: intake")
struct IntakeStoreContractTests {
    @Test("inserted records read back with their fields, oldest first", arguments: StoreEngine.all)
    func insertAndRead(engine: StoreEngine) async throws {
        try await engine.run { store in
            let t0 = StoreContract.t0
            let first = try StoreContract.submission(t0)
            let second = try StoreContract.submission(t0 + 60, email: false, bytes: 7)
            let intake: any IntakeStore = store
            try await intake.insert([second, first])
            #expect(try await store.recordCount() == 2)
            let record = try #require(try await store.record(first.reference))
            #expect(record.status == .open)
            #expect(record.receivedAt == t0)
            #expect(record.answeredAt == nil)
            #expect(record.hold == nil)
            #expect(record.fields == [.email, .question])
            #expect(try await store.sealedFields(of: first.reference) == first.sealedFields)
            #expect(try await store.sealedFields(of: second.reference) == [.question: Data(repeating: 7, count: 40)])
            #expect(try await store.records(status: nil, held: nil).map(\.reference) == [first.reference, second.reference])
            #expect(try await store.record(Reference.random()) == nil)
        }
    }

    @Test("a batch is stored whole or not at all", arguments: StoreEngine.all)
    func atomicBatch(engine: StoreEngine) async throws {
        try await engine.run { store in
            let first = try StoreContract.submission(StoreContract.t0)
            try await store.insert([first])
            let fresh = try StoreContract.submission(StoreContract.t0)
            let clash = NewSubmission(
                reference: first.reference, receivedAt: StoreContract.t0, sealedFields: first.sealedFields, emailIndex: nil)
            await #expect(throws: (any Error).self) { try await store.insert([fresh, clash]) }
            #expect(try await store.recordCount() == 1)
            #expect(try await store.record(fresh.reference) == nil)
        }
    }

    /// A topic or page that is there but empty: each engine refuses it (SQLite by its CHECKs,
    /// PostgreSQL before the batch is sent, where empty stands for absent) and stores nothing of
    /// the batch.
    @Test("an empty topic or page is refused, not stored as none", arguments: StoreEngine.all)
    func emptyValuesRefused(engine: StoreEngine) async throws {
        try await engine.run { store in
            let plain = try StoreContract.submission(StoreContract.t0)
            let variants = [
                NewSubmission(
                    reference: try Reference.random(), receivedAt: StoreContract.t0, sealedFields: plain.sealedFields,
                    emailIndex: plain.emailIndex, origin: SubmissionOrigin(topic: "")),
                NewSubmission(
                    reference: try Reference.random(), receivedAt: StoreContract.t0, sealedFields: plain.sealedFields,
                    emailIndex: plain.emailIndex, origin: SubmissionOrigin(page: "")),
            ]
            for variant in variants {
                await #expect(throws: StoreError.self) { try await store.insert([plain, variant]) }
            }
            #expect(try await store.recordCount() == 0)
        }
    }

    @Test("a fresh store is writable", arguments: StoreEngine.all)
    func writable(engine: StoreEngine) async throws {
        try await engine.run { store in
            try await store.checkWritable()
            #expect(try await store.recordCount() == 0)
        }
    }
}
