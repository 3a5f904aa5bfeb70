// Group commit, deterministically: while one commit is held at the store, the submissions that
// arrive queue up and go to the store as one batch, and each caller is answered only after its
// batch is committed.
import Foundation
import InboxCrypto
import InboxStore
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import InboxServer

/// A gate a task waits at until another opens it; opening before the wait lets the wait through.
final class AsyncGate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let through = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if through { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// A real SQLite store whose first insert waits at a gate the test opens, recording batch sizes.
final class GatedStore: IntakeStore {
    let inner: SQLiteStore
    let entered = AsyncGate()
    let gate = AsyncGate()
    let batches = Mutex<[Int]>([])

    init(_ inner: SQLiteStore) { self.inner = inner }

    func insert(_ submissions: [NewSubmission]) async throws {
        let isFirst = batches.withLock { batches in
            batches.append(submissions.count)
            return batches.count == 1
        }
        if isFirst {
            entered.open()
            await gate.wait()
        }
        try await inner.insert(submissions)
    }

    func checkWritable() async throws { try await inner.checkWritable() }
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
        let firstDone = Task { try await writer.write(first) }
        // Wait (on a gate, not a clock) until the writer is inside the first commit.
        await store.entered.wait()
        let later = try (0..<5).map { _ in try submission() }
        let laterDone = later.map { submission in Task { try await writer.write(submission) } }
        // None is answered while the first commit is held, and none of the later ones is stored yet.
        #expect(try await store.inner.recordCount() == 0)
        // Let the later five reach the queue before the gate opens (submit() itself returns only
        // after its commit, so the queue is what can be watched).
        while writer.pendingCount < 5 { await Task.yield() }
        store.gate.open()

        try await firstDone.value
        for task in laterDone { try await task.value }
        #expect(store.batches.withLock { $0 } == [1, 5])
        #expect(try await store.inner.recordCount() == 6)

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
        await #expect(throws: GroupCommitWriter.Stopped.self) { try await writer.write(try submission()) }
    }

    /// A scratch SQLite store, removed with the directory.
    func scratchStore() throws -> (SQLiteStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try SQLiteStore(path: directory.appendingPathComponent("inbox.sqlite").path), directory)
    }

    @Test("on graceful shutdown, what is queued and what is being committed are committed and answered; later ones are refused")
    func gracefulShutdown() async throws {
        let (inner, directory) = try scratchStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = GatedStore(inner)
        let writer = GroupCommitWriter(store: store, metrics: IntakeMetrics())
        let group = ServiceGroup(configuration: .init(services: [writer], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        let first = Task { try await writer.write(try submission()) }
        await store.entered.wait()
        let queued = try (0..<3).map { _ in try submission() }
        let queuedDone = queued.map { submission in Task { try await writer.write(submission) } }
        while writer.pendingCount < 3 { await Task.yield() }
        await group.triggerGracefulShutdown()
        store.gate.open()
        try await first.value
        for task in queuedDone { try await task.value }
        try await running.value
        #expect(try await inner.recordCount() == 4)
        await #expect(throws: GroupCommitWriter.Stopped.self) { try await writer.write(try submission()) }
    }

    @Test("a reference drawn twice fails alone: the rest of its batch is stored")
    func clashFailsAlone() async throws {
        let (inner, directory) = try scratchStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let existing = try submission()
        try await inner.insert([existing])
        let store = GatedStore(inner)
        let writer = GroupCommitWriter(store: store, metrics: IntakeMetrics())
        let running = Task { try await writer.run() }
        let first = Task { try await writer.write(try submission()) }
        await store.entered.wait()
        let clash = NewSubmission(reference: existing.reference, receivedAt: Date(), sealedFields: [.question: Data([9])], emailIndex: nil)
        let fine = try (0..<2).map { _ in try submission() }
        let fineDone = fine.map { submission in Task { try await writer.write(submission) } }
        let clashDone = Task { try await writer.write(clash) }
        while writer.pendingCount < 3 { await Task.yield() }
        store.gate.open()
        try await first.value
        for task in fineDone { try await task.value }
        await #expect(throws: StoreError.self) { try await clashDone.value }
        #expect(try await inner.recordCount() == 4)
        #expect(store.batches.withLock { $0 }.prefix(2) == [1, 3])
        running.cancel()
        try await running.value
    }

    /// A store that cannot write at all, counting its attempts.
    final class LockedStore: IntakeStore {
        let attempts = Mutex(0)
        func insert(_ submissions: [NewSubmission]) async throws {
            attempts.withLock { $0 += 1 }
            throw StoreError.busy(operation: "write")
        }
        func checkWritable() async throws { throw StoreError.busy(operation: "write check") }
    }

    @Test("any other failure answers the whole batch at once, without retrying each submission")
    func failureAnswersTheBatch() async throws {
        let store = LockedStore()
        let writer = GroupCommitWriter(store: store, metrics: IntakeMetrics())
        let running = Task { try await writer.run() }
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    guard let submission = try? self.submission() else { return false }
                    do {
                        try await writer.write(submission)
                        return false
                    } catch let error as StoreError {
                        return error.condition == .busy
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 5))
        // However the five were batched, no batch was tried twice.
        #expect(store.attempts.withLock { $0 } <= 5)
        running.cancel()
        try await running.value
    }
}
