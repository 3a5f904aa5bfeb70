// Group commit, deterministically: while one commit is held at the store, the submissions that
// arrive queue up and go to the store as one batch, and each caller is answered only after its
// batch is committed.
import Dispatch
import Foundation
import InboxCrypto
import InboxStore
import Synchronization
import Testing

@testable import InboxServer

/// A real SQLite store whose first insert waits at a gate the test opens, recording batch sizes.
final class GatedStore: InboxStore {
    let inner: SQLiteStore
    let entered = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let batches = Mutex<[Int]>([])

    init(_ inner: SQLiteStore) { self.inner = inner }

    func insert(_ submissions: [NewSubmission]) throws {
        let isFirst = batches.withLock { batches in
            batches.append(submissions.count)
            return batches.count == 1
        }
        if isFirst {
            entered.signal()
            gate.wait()
        }
        try inner.insert(submissions)
    }

    func record(_ reference: Reference) throws -> StoredRecord? { try inner.record(reference) }
    func records(status: RecordStatus?, held: Bool?) throws -> [StoredRecord] { try inner.records(status: status, held: held) }
    func recordCount() throws -> Int { try inner.recordCount() }
    func references(withEmailIndex hmac: Data) throws -> [Reference] { try inner.references(withEmailIndex: hmac) }
    func sealedFields(of reference: Reference) throws -> [RecordField: Data] { try inner.sealedFields(of: reference) }
    func markAnswered(_ reference: Reference, sealedAnswer: Data, at: Date) throws {
        try inner.markAnswered(reference, sealedAnswer: sealedAnswer, at: at)
    }
    func saveDraft(_ reference: Reference, sealedDraft: Data, at: Date) throws {
        try inner.saveDraft(reference, sealedDraft: sealedDraft, at: at)
    }
    func draft(of reference: Reference) throws -> Data? { try inner.draft(of: reference) }
    func setHold(_ reference: Reference, hold: Hold?) throws { try inner.setHold(reference, hold: hold) }
    func clearHolds(withKeys keyIDs: Set<UInt32>) throws -> [Reference] { try inner.clearHolds(withKeys: keyIDs) }
    func reseal(
        _ reference: Reference, sealedFields: [RecordField: Data], sealedDraft: Data?, emailIndex: EmailIndexEntry?, hold: Hold?
    ) throws {
        try inner.reseal(reference, sealedFields: sealedFields, sealedDraft: sealedDraft, emailIndex: emailIndex, hold: hold)
    }
    func purgeCandidates(field: RecordField, event: CandidateEvent, cutoff: Date, limit: Int) throws -> [PurgeCandidate] {
        try inner.purgeCandidates(field: field, event: event, cutoff: cutoff, limit: limit)
    }
    func deleteFields(_ fields: [(recordID: Int64, field: RecordField)]) throws -> [Reference] { try inner.deleteFields(fields) }
    func erase(_ references: [Reference]) throws -> [Reference] { try inner.erase(references) }
    func writeChainedLog<T>(_ log: ChainedLogName, _ body: (any ChainedLogTransaction) throws -> T) throws -> T {
        try inner.writeChainedLog(log, body)
    }
    func entries(of log: ChainedLogName) throws -> [ChainedLogEntry] { try inner.entries(of: log) }
    func checkWritable() throws { try inner.checkWritable() }
    func reclaimDeletedData() throws { try inner.reclaimDeletedData() }
}

@Suite("group commit")
struct GroupCommitWriterTests {
    func submission() throws -> NewSubmission {
        NewSubmission(reference: try Reference.random(), receivedAt: Date(), sealedFields: [.question: Data([1, 2, 3])], emailIndex: nil)
    }

    @Test("submissions that arrive during a commit are committed together, and answered after it")
    func batching() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = GatedStore(try SQLiteStore(path: directory.appendingPathComponent("inbox.sqlite").path))
        let writer = GroupCommitWriter(store: store, metrics: IntakeMetrics())
        let running = Task { try await writer.run() }

        let first = try submission()
        let firstDone = Task { try await writer.submit(first) }
        // Wait (on a semaphore, not a clock) until the writer is inside the first commit.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                store.entered.wait()
                continuation.resume()
            }
        }
        let later = try (0..<5).map { _ in try submission() }
        let laterDone = later.map { submission in Task { try await writer.submit(submission) } }
        // None is answered while the first commit is held, and none of the later ones is stored yet.
        #expect(try store.recordCount() == 0)
        // Let the later five reach the queue before the gate opens (submit() itself returns only
        // after its commit, so the queue is what can be watched).
        while writer.pendingCount < 5 { await Task.yield() }
        store.gate.signal()

        try await firstDone.value
        for task in laterDone { try await task.value }
        #expect(store.batches.withLock { $0 } == [1, 5])
        #expect(try store.recordCount() == 6)

        running.cancel()
        try await running.value
    }

    @Test("after shutdown, a submission is refused rather than left waiting")
    func stopped() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = GroupCommitWriter(
            store: try SQLiteStore(path: directory.appendingPathComponent("inbox.sqlite").path), metrics: IntakeMetrics())
        let running = Task { try await writer.run() }
        running.cancel()
        try await running.value
        await #expect(throws: GroupCommitWriter.Stopped.self) { try await writer.submit(try submission()) }
    }
}
