// The intake server's WAL checkpoints, off the commit path. SQLite's own checkpoint runs inside the
// commit that crosses 1,000 WAL frames, so every request of that batch waits for it. Here the
// writer's commit hook starts a checkpoint on a connection of its own, on a queue of its own, once
// the WAL holds `threshold` frames: it copies while the writer goes on committing (PASSIVE: it
// never waits for the writer or a reader, nor they for it). The commit after it finishes copies,
// inline, only the few frames committed meanwhile, which lets the next transaction start the WAL
// from its beginning again; were the background ever to fall behind, a commit that finds
// `hardLimit` frames checkpoints inline, as SQLite would.
//
// Why 2,000 frames (docs/PERFORMANCE.md): a checkpoint writes each changed page once however many
// commits changed it, so checkpointing more frames at a time writes the randomly placed pages of
// the register and the indexes back fewer times (about 8 µs of CPU per submission at 2,000; no
// more at 8,000). But a checkpoint ends with an fsync of the database file, and the commits'
// own fsyncs wait behind it on the disk: at 8,000 frames the 99th percentile at 8 connections went
// from 6 to 16.5 ms, at 2,000 to 9 ms.
import Dispatch
import GRDBSQLite
import Synchronization

final class WALCheckpointer: Sendable {
    private let path: String
    private let threshold: Int32
    private let hardLimit: Int32
    private let queue = DispatchQueue(label: "contact-inbox.wal-checkpoint")

    private struct State {
        var running = false
        /// Background checkpoints finished, and how many of them a commit has followed up.
        var finished = 0
        var followedUp = 0
    }
    private let state = Mutex(State())

    init(path: String, threshold: Int32 = 2_000, hardLimit: Int32 = 16_000) {
        self.path = path
        self.threshold = threshold
        self.hardLimit = hardLimit
    }

    /// Makes `connection` (the writer's) report its commits here instead of checkpointing itself.
    /// The checkpointer must outlive the connection's last commit (SQLiteStore closes its pool first).
    func install(on connection: OpaquePointer) {
        sqlite3_wal_hook(connection, walHook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// After each commit on the writer's connection, with the frames now in the WAL.
    fileprivate func committed(_ connection: OpaquePointer, frames: Int32) {
        enum Step { case nothing, inline, background }
        let step = state.withLock { state -> Step in
            if state.finished > state.followedUp {
                state.followedUp = state.finished
                return .inline  // the frames committed while the background copied: few
            }
            if frames >= hardLimit { return .inline }
            guard frames >= threshold, !state.running else { return .nothing }
            state.running = true
            return .background
        }
        switch step {
        case .nothing: break
        case .inline: sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        case .background: queue.async { self.checkpointInBackground() }
        }
    }

    /// Background checkpoints finished so far, waiting for one under way (for tests).
    var finishedInBackground: Int {
        queue.sync {}
        return state.withLock { $0.finished }
    }

    private func checkpointInBackground() {
        defer {
            state.withLock { state in
                state.running = false
                state.finished += 1
            }
        }
        // A connection for this checkpoint alone: opening one costs far less than the checkpoint.
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let connection else { return }
        // A failure leaves the frames to the next checkpoint, inline or here; nothing is lost.
        sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}

/// SQLite's WAL hook: a C function, with the checkpointer as its context.
private func walHook(
    context: UnsafeMutableRawPointer?, connection: OpaquePointer?, database: UnsafePointer<CChar>?, frames: Int32
)
    -> Int32
{
    guard let context, let connection else { return SQLITE_OK }
    Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(connection, frames: frames)
    return SQLITE_OK
}
