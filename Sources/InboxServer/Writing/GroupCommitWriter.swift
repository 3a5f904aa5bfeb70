// Group commit: one writer drains the queue of sealed submissions into one transaction and then
// acknowledges them all, so that throughput is not one fsync per request. A submission is
// acknowledged only after its transaction is durable (WAL, synchronous=FULL).
//
// The writer runs on a thread of its own: a commit waits for fsync, which must not block Swift's
// cooperative thread pool that serves requests.
import Dispatch
import Foundation
import InboxStore
import ServiceLifecycle
import Synchronization

final class GroupCommitWriter: Service, Sendable {
    struct Stopped: Error {}

    private struct Pending {
        let submission: NewSubmission
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var stopping = false
    }

    private let store: any InboxStore
    private let metrics: IntakeMetrics
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(store: any InboxStore, metrics: IntakeMetrics) {
        self.store = store
        self.metrics = metrics
    }

    /// Submissions queued and not yet taken by the writer (for tests).
    var pendingCount: Int { state.withLock { $0.pending.count } }

    /// Returns once the submission is durably committed; throws if it could not be.
    func submit(_ submission: NewSubmission) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let accepted = state.withLock { state in
                guard !state.stopping else { return false }
                state.pending.append(Pending(submission: submission, continuation: continuation))
                return true
            }
            if accepted {
                wakeup.signal()
            } else {
                continuation.resume(throwing: Stopped())
            }
        }
    }

    /// Runs until graceful shutdown, then commits and acknowledges what is still queued.
    func run() async throws {
        let thread = Thread { [self] in
            writeUntilStopped()
            finished.signal()
        }
        thread.name = "group-commit-writer"
        thread.start()
        try? await gracefulShutdown()
        state.withLock { $0.stopping = true }
        wakeup.signal()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [finished] in
                finished.wait()
                continuation.resume()
            }
        }
    }

    private func writeUntilStopped() {
        while true {
            wakeup.wait()
            let (batch, stopping) = state.withLock { state in
                let batch = state.pending
                state.pending.removeAll(keepingCapacity: true)
                return (batch, state.stopping)
            }
            if !batch.isEmpty { commit(batch) }
            if stopping && state.withLock({ $0.pending.isEmpty }) { return }
        }
    }

    private func commit(_ batch: [Pending]) {
        do {
            try store.insert(batch.map(\.submission))
            metrics.recordBatch(size: batch.count)
            for pending in batch { pending.continuation.resume() }
        } catch {
            // One bad submission (say, a reference that already exists) must not fail the others:
            // retry them one by one, each with its own answer.
            for pending in batch {
                do {
                    try store.insert([pending.submission])
                    metrics.recordBatch(size: 1)
                    pending.continuation.resume()
                } catch {
                    pending.continuation.resume(throwing: error)
                }
            }
        }
    }
}
