// The hash-chained logs: appends built on the tail read in the same transaction, removals of the
// oldest entries, ids never reused, and a closure's error rolling everything back.
import Foundation
import InboxStore
import InboxTestSupport
import Synchronization
import Testing

@Suite("storage contract: logs")
struct LogStoreContractTests {
    @Test("a hash-chained log keeps its entries in order, apart from the other log", arguments: StoreEngine.all)
    func chainedLog(engine: StoreEngine) async throws {
        try await engine.run { store in
            let logs: any LogStore = store
            let first = try await logs.append(StoreContract.append(.purge, ["{}"]))
            #expect(first.tail == nil)
            let second = try await logs.append(StoreContract.append(.purge, ["{\"a\":1}", "{\"b\":2}"]))
            #expect(second.tail == first.entries.last)
            #expect(second.entries.first?.previousHash == first.entries.last?.hash)
            #expect(try await logs.entries(of: .audit).isEmpty)
            let log = try await logs.entries(of: .purge)
            #expect(log == first.entries + second.entries)
            #expect(log.map(\.id) == log.map(\.id).sorted() && Set(log.map(\.id)).count == 3)
            let removed = try await logs.removeOldest(of: .purge) { entries in
                #expect(entries == log)
                return log[1].id
            }
            #expect(removed == Array(log.prefix(2)))
            #expect(try await logs.entries(of: .purge) == [log[2]])
            #expect(try await logs.removeOldest(of: .purge) { _ in nil } == [])
        }
    }

    @Test("before the commit the closure sees the tail and the entries with their ids", arguments: StoreEngine.all)
    func beforeCommit(engine: StoreEngine) async throws {
        try await engine.run { store in
            _ = try await store.append(StoreContract.append(.audit, ["{}"]))
            let seen = Mutex<(ChainedLogEntry?, [ChainedLogEntry])?>(nil)
            let appended = try await store.append(
                ChainedAppend(
                    log: .audit,
                    entries: { tail in
                        [NewChainedEntry(body: Data("{\"n\":2}".utf8), previousHash: tail?.hash ?? Data(), hash: Data(count: 32))]
                    },
                    beforeCommit: { tail, entries in seen.withLock { $0 = (tail, entries) } }))
            let (tail, entries) = try #require(seen.withLock { $0 })
            #expect(tail == appended.tail && tail != nil)
            #expect(entries == appended.entries)
        }
    }

    @Test("a log's ids are never given twice, even after its newest entries are deleted", arguments: StoreEngine.all)
    func idsNeverReused(engine: StoreEngine) async throws {
        try await engine.run { store in
            let first = try #require(try await store.append(StoreContract.append(.audit, ["{}"])).entries.first?.id)
            let second = try #require(try await store.append(StoreContract.append(.audit, ["{}"])).entries.first?.id)
            _ = try await store.removeOldest(of: .audit) { _ in second }
            let third = try #require(try await store.append(StoreContract.append(.audit, ["{}"])).entries.first?.id)
            #expect(first < second && second < third)
        }
    }

    @Test("an error thrown inside a chained-log transaction rolls it back and comes out as it was", arguments: StoreEngine.all)
    func rollback(engine: StoreEngine) async throws {
        struct Refused: Error {}
        try await engine.run { store in
            await #expect(throws: Refused.self) { try await store.append(StoreContract.append(.audit, ["{}", "{}"]) { throw Refused() }) }
            #expect(try await store.entries(of: .audit).isEmpty)
            _ = try await store.append(StoreContract.append(.audit, ["{}"]))
            await #expect(throws: Refused.self) { try await store.removeOldest(of: .audit) { _ in throw Refused() } }
            #expect(try await store.entries(of: .audit).count == 1)
        }
    }
}
