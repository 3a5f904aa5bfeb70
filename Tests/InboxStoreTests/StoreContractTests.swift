// The storage contract: every engine passes these, each test from a clean, migrated store.
import Foundation
import GRDB
import InboxCrypto
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("storage contract")
struct StoreContractTests {
    static let day: TimeInterval = 86_400
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func submission(_ received: Date, email: Bool = true, bytes: UInt8 = 1) throws -> NewSubmission {
        var fields: [RecordField: Data] = [.question: Data(repeating: bytes, count: 40)]
        if email { fields[.email] = Data(repeating: bytes &+ 1, count: 30) }
        return NewSubmission(
            reference: try Reference.random(), receivedAt: received, sealedFields: fields,
            emailIndex: email ? EmailIndexEntry(hmac: Data(repeating: bytes, count: 32), epoch: 202611) : nil)
    }

    @Test("inserted records read back with their fields, oldest first", arguments: StoreEngine.all)
    func insertAndRead(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let first = try submission(t0)
        let second = try submission(t0 + 60, email: false, bytes: 7)
        try store.insert([second, first])
        #expect(try store.recordCount() == 2)
        let record = try #require(try store.record(first.reference))
        #expect(record.status == .open)
        #expect(record.receivedAt == t0)
        #expect(record.answeredAt == nil)
        #expect(record.hold == nil)
        #expect(record.fields == [.email, .question])
        #expect(try store.sealedFields(of: first.reference) == first.sealedFields)
        #expect(try store.sealedFields(of: second.reference) == [.question: Data(repeating: 7, count: 40)])
        #expect(try store.records(status: nil, held: nil).map(\.reference) == [first.reference, second.reference])
        #expect(try store.record(Reference.random()) == nil)
        _ = _directory
    }

    @Test("a batch is stored whole or not at all", arguments: StoreEngine.all)
    func atomicBatch(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let first = try submission(t0)
        try store.insert([first])
        let fresh = try submission(t0)
        let clash = NewSubmission(reference: first.reference, receivedAt: t0, sealedFields: first.sealedFields, emailIndex: nil)
        #expect(throws: (any Error).self) { try store.insert([fresh, clash]) }
        #expect(try store.recordCount() == 1)
        #expect(try store.record(fresh.reference) == nil)
        _ = _directory
    }

    @Test("answering stores the answer and starts the answered clock", arguments: StoreEngine.all)
    func answer(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let record = try submission(t0)
        try store.insert([record])
        try store.markAnswered(record.reference, sealedAnswer: Data([9, 9, 9]), at: t0 + Self.day)
        let stored = try #require(try store.record(record.reference))
        #expect(stored.status == .answered)
        #expect(stored.answeredAt == t0 + Self.day)
        #expect(try store.sealedFields(of: record.reference)[.answer] == Data([9, 9, 9]))
        #expect(try store.records(status: .open, held: nil).isEmpty)
        #expect(try store.records(status: .answered, held: nil).count == 1)
        let byAnswer = try store.purgeCandidates(field: .email, event: .answered, cutoff: t0 + 2 * Self.day, limit: 10)
        #expect(byAnswer.map(\.reference) == [record.reference])
        #expect(byAnswer.first?.answeredAt == t0 + Self.day)
        #expect(throws: (any Error).self) { try store.markAnswered(Reference.random(), sealedAnswer: Data([1]), at: t0) }
        _ = _directory
    }

    @Test("a draft is kept, replaced, and deleted by the answer, the address's deletion or erasure", arguments: StoreEngine.all)
    func drafts(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let answered = try submission(t0)
        let purged = try submission(t0, bytes: 3)
        let erased = try submission(t0, bytes: 5)
        let untouched = try submission(t0, bytes: 7)
        try store.insert([answered, purged, erased, untouched])
        for record in [answered, purged, erased, untouched] {
            #expect(try store.draft(of: record.reference) == nil)
            try store.saveDraft(record.reference, sealedDraft: Data([1]), at: t0)
            try store.saveDraft(record.reference, sealedDraft: Data([2, 2]), at: t0 + 60)
            #expect(try store.draft(of: record.reference) == Data([2, 2]))
        }
        #expect(throws: (any Error).self) { try store.saveDraft(Reference.random(), sealedDraft: Data([1]), at: t0) }

        try store.markAnswered(answered.reference, sealedAnswer: Data([9]), at: t0 + Self.day)
        #expect(try store.draft(of: answered.reference) == nil)

        let email = try store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
            .filter { $0.reference == purged.reference }
        _ = try store.deleteFields(email.map { ($0.recordID, $0.field) })
        #expect(try store.draft(of: purged.reference) == nil)

        _ = try store.erase([erased.reference])
        #expect(try store.draft(of: erased.reference) == nil)
        #expect(try store.draft(of: untouched.reference) == Data([2, 2]))
        _ = _directory
    }

    @Test("purge candidates: only present, expired, unheld fields, oldest first, bounded", arguments: StoreEngine.all)
    func candidates(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let records = try (0..<5).map { try submission(t0 + Double($0) * Self.day) }
        try store.insert(records)
        try store.setHold(records[1].reference, hold: Hold(reason: "court order 12-34", since: t0))
        let expired = try store.purgeCandidates(field: .email, event: .received, cutoff: t0 + 3 * Self.day, limit: 10)
        #expect(expired.map(\.reference) == [records[0].reference, records[2].reference, records[3].reference])
        #expect(try store.purgeCandidates(field: .email, event: .received, cutoff: t0 + 3 * Self.day, limit: 2).count == 2)
        #expect(try store.purgeCandidates(field: .answer, event: .received, cutoff: t0 + 9 * Self.day, limit: 10).isEmpty)
        #expect(try store.records(status: nil, held: true).map(\.reference) == [records[1].reference])
        try store.setHold(records[1].reference, hold: nil)
        #expect(try store.records(status: nil, held: true).isEmpty)
        _ = _directory
    }

    @Test("deleting fields removes index entries, and records left without fields", arguments: StoreEngine.all)
    func deleteFields(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let record = try submission(t0)
        try store.insert([record])
        let emailOnly = try store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
        #expect(try store.deleteFields(emailOnly.map { ($0.recordID, $0.field) }) == [])
        #expect(try store.record(record.reference)?.fields == [.question])
        #expect(try store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10).isEmpty)
        let question = try store.purgeCandidates(field: .question, event: .received, cutoff: t0, limit: 10)
        #expect(try store.deleteFields(question.map { ($0.recordID, $0.field) }) == [record.reference])
        #expect(try store.record(record.reference) == nil)
        #expect(try store.recordCount() == 0)
        _ = _directory
    }

    @Test("erasure deletes records with all their fields; unknown references are skipped", arguments: StoreEngine.all)
    func erase(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let kept = try submission(t0)
        let erased = try submission(t0)
        try store.insert([kept, erased])
        let absent = try Reference.random()
        #expect(try store.erase([erased.reference, absent]) == [erased.reference])
        #expect(try store.sealedFields(of: erased.reference).isEmpty)
        #expect(try store.recordCount() == 1)
        #expect(try store.erase([erased.reference]) == [])
        _ = _directory
    }

    @Test("the email index finds a person's records, and forgets them with the address", arguments: StoreEngine.all)
    func emailIndex(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let first = try submission(t0, bytes: 3)
        let second = try submission(t0 + 60, bytes: 3)
        let other = try submission(t0, bytes: 9)
        try store.insert([first, second, other])
        #expect(try store.references(withEmailIndex: Data(repeating: 3, count: 32)) == [first.reference, second.reference])
        let email = try store.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10).filter {
            $0.reference == first.reference
        }
        _ = try store.deleteFields(email.map { ($0.recordID, $0.field) })
        #expect(try store.references(withEmailIndex: Data(repeating: 3, count: 32)) == [second.reference])
        #expect(try store.references(withEmailIndex: Data(repeating: 7, count: 32)).isEmpty)
        _ = _directory
    }

    @Test("SQLite's writer commits with synchronous = FULL, whatever GRDB sets for WAL")
    func synchronousFull() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        #expect(try store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
    }

    @Test("a fresh store is writable", arguments: StoreEngine.all)
    func writable(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        try store.checkWritable()
        #expect(try store.recordCount() == 0)
        _ = _directory
    }

    @Test("a hash-chained log keeps its entries in order, apart from the other log", arguments: StoreEngine.all)
    func chainedLog(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        let bodies = [Data("{}".utf8), Data("{\"a\":1}".utf8)]
        let ids = try store.writeChainedLog(.purge) { log in
            #expect(try log.tail() == nil)
            let first = try log.insert(body: bodies[0], previousHash: Data(count: 32), hash: Data(repeating: 1, count: 32))
            #expect(try log.tail()?.id == first)
            let second = try log.insert(body: bodies[1], previousHash: Data(repeating: 1, count: 32), hash: Data(repeating: 2, count: 32))
            return [first, second]
        }
        #expect(try store.entries(of: .audit).isEmpty)
        let log = try store.entries(of: .purge)
        #expect(log.map(\.body) == bodies)
        #expect(log.map(\.id) == ids && ids[0] < ids[1])
        #expect(log.map(\.hash) == [Data(repeating: 1, count: 32), Data(repeating: 2, count: 32)])
        try store.writeChainedLog(.purge) { try $0.deleteEntries(through: ids[0]) }
        #expect(try store.entries(of: .purge).map(\.id) == [ids[1]])
        _ = _directory
    }

    @Test("a log's ids are never given twice, even after its newest entries are deleted", arguments: StoreEngine.all)
    func idsNeverReused(engine: StoreEngine) throws {
        let (store, _directory) = try engine.make()
        func insert() throws -> Int64 {
            try store.writeChainedLog(.audit) { try $0.insert(body: Data("{}".utf8), previousHash: Data(count: 32), hash: Data(count: 32)) }
        }
        let first = try insert()
        let second = try insert()
        try store.writeChainedLog(.audit) { try $0.deleteEntries(through: second) }
        let third = try insert()
        #expect(first < second && second < third)
        _ = _directory
    }

    @Test("an error thrown inside a chained-log transaction rolls it back and comes out as it was", arguments: StoreEngine.all)
    func chainedLogRollback(engine: StoreEngine) throws {
        struct Refused: Error {}
        let (store, _directory) = try engine.make()
        #expect(throws: Refused.self) {
            try store.writeChainedLog(.audit) { log in
                _ = try log.insert(body: Data("{}".utf8), previousHash: Data(count: 32), hash: Data(count: 32))
                throw Refused()
            }
        }
        #expect(try store.entries(of: .audit).isEmpty)
        _ = _directory
    }
}
