// Group commit: one writer drains the queue of sealed submissions into one transaction and then
// acknowledges them all, so that throughput is not one fsync per request. A submission is
// acknowledged only after its transaction is durable (WAL, synchronous=FULL). While one commit
// waits for its fsync, the submissions that arrive queue up for the next.
//
// The store's commit runs on the engine's own executor (GRDB: a dispatch queue), so waiting for
// fsync never blocks Swift's cooperative threads, which serve the requests.
import InboxCore
import InboxStore
import ServiceLifecycle
import Synchronization

final class GroupCommitWriter: Service, SubmissionWriter, Sendable {
    struct Stopped: Error {}

    private struct Pending {
        let submission: NewSubmission
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var stopping = false
        /// The writer, waiting for work.
        var idle: CheckedContinuation<Void, Never>?
    }

    private let store: any IntakeStore
    private let metrics: IntakeMetrics
    private let state = Mutex(State())

    init(store: any IntakeStore, metrics: IntakeMetrics) {
        self.store = store
        self.metrics = metrics
    }

    /// Submissions queued and not yet taken by the writer (for tests).
    var pendingCount: Int { state.withLock { $0.pending.count } }

    /// Returns once the submission is durably committed; throws if it could not be.
    func write(_ submission: NewSubmission) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let (accepted, idle) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
                guard !state.stopping else { return (false, nil) }
                state.pending.append(Pending(submission: submission, continuation: continuation))
                defer { state.idle = nil }
                return (true, state.idle)
            }
            guard accepted else { return continuation.resume(throwing: Stopped()) }
            idle?.resume()
        }
    }

    /// Runs until graceful shutdown, then commits and acknowledges what is still queued. On
    /// cancellation it stops the same way, but the store refuses the writes of a cancelled task,
    /// so what is queued then is answered with an error, never acknowledged unwritten.
    func run() async throws {
        await withTaskCancellationOrGracefulShutdownHandler {
            while let batch = await nextBatch() {
                await commit(batch)
            }
        } onCancelOrGracefulShutdown: {
            let idle = self.state.withLock { state in
                state.stopping = true
                defer { state.idle = nil }
                return state.idle
            }
            idle?.resume()
        }
    }

    /// The submissions queued so far, waiting for one if there is none; nil once stopping and
    /// nothing is left.
    private func nextBatch() async -> [Pending]? {
        while true {
            let (batch, stopping) = state.withLock { state in
                defer { state.pending.removeAll(keepingCapacity: true) }
                return (state.pending, state.stopping)
            }
            if !batch.isEmpty { return batch }
            if stopping { return nil }
            await withCheckedContinuation { (idle: CheckedContinuation<Void, Never>) in
                let wake = state.withLock { state in
                    guard state.pending.isEmpty && !state.stopping else { return true }
                    state.idle = idle
                    return false
                }
                if wake { idle.resume() }
            }
        }
    }

    private func commit(_ batch: [Pending]) async {
        do {
            try await store.insert(batch.map(\.submission))
            metrics.recordBatch(size: batch.count)
            for pending in batch { pending.continuation.resume() }
        } catch let error as StoreError where error.isConstraintViolation && batch.count > 1 {
            // One bad submission (a reference drawn twice) must not fail the others: retry them
            // one by one, each with its own answer. Any other failure (a full disk, a lock held too
            // long) would fail each of them again, one busy timeout after another: all get it now.
            for pending in batch {
                do {
                    try await store.insert([pending.submission])
                    metrics.recordBatch(size: 1)
                    pending.continuation.resume()
                } catch {
                    pending.continuation.resume(throwing: error)
                }
            }
        } catch {
            for pending in batch { pending.continuation.resume(throwing: error) }
        }
    }
}
