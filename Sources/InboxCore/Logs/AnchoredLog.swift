// A hash-chained log in the database whose end is anchored in the key directory (the audit log,
// the purge log). Every change runs holding the key directory's lock and inside one database write
// transaction that first checks the log's tail against the anchor: a tail that disagrees is
// reported as tampering and never chained over, so deleting entries, adding some or rewriting the
// chain with the database's write access alone is always found. Nothing is read from an entry
// (its time, for the retention or the purge's clock) before its hash has been recomputed.
public import Foundation
public import InboxCrypto
public import InboxStore

public struct AnchoredLog: Sendable {
    /// The verdict of `verify`.
    public enum Verification: Sendable, Equatable {
        case intact(entries: Int)
        /// The first entry that breaks the chain (its id), or nil when the log's end is wrong.
        case broken(entryID: Int64?, reason: String)
    }

    /// Every this-many entries, the entry's id and hash are also kept in the key directory, so that
    /// a restored log can be checked against more than its end (`acceptRestoredEnd`): what lies
    /// after the last checkpoint of a restored log is the most that could be forged.
    static let checkpointInterval: Int64 = 16

    public let store: any LogStore
    public let keys: KeyDirectory
    public let log: ChainedLogName
    /// A name for people: "audit log", "purge log".
    public let title: String
    /// The body of an entry that says an entry after entry `afterID` (nil: the first) was being
    /// written when a command stopped and never reached the log, or was removed since: the audit
    /// log records that in itself.
    let missingEntryNote: (@Sendable (_ afterID: Int64?) throws -> Data)?

    public init(
        store: any LogStore, keys: KeyDirectory, log: ChainedLogName, title: String,
        missingEntryNote: (@Sendable (Int64?) throws -> Data)? = nil
    ) {
        self.store = store
        self.keys = keys
        self.log = log
        self.title = title
        self.missingEntryNote = missingEntryNote
    }

    var anchorName: String { log == .audit ? "audit.anchor" : "purge.anchor" }
    var checkpoints: LogCheckpoints { LogCheckpoints(keys: keys, log: log, title: title) }

    /// Appends `body`, chained to the tail after checking the tail against the anchor; returns the
    /// new entry.
    @discardableResult
    public func append(_ body: Data) async throws -> ChainedLogEntry {
        try await append(body) { append in try await store.append(append) }
    }

    /// Appends `body` in the transaction of another change: `change` hands the append to the store
    /// method that makes both at once (an answer and its audit entry), and returns what the store
    /// appended.
    @discardableResult
    public func append(
        _ body: Data, along change: (ChainedAppend) async throws -> AppendedEntries
    ) async throws -> ChainedLogEntry {
        try await keys.withExclusiveLock {
            let anchor = try readAnchor()
            let appended = try await change(chainedAppend(body, anchor: anchor))
            guard let newest = appended.entries.last else { throw AnchoredLogError("nothing was appended to the \(title)") }
            var moved = pendingAnchor(anchor, tail: appended.tail, newest: newest)
            moved.lastID = newest.id
            moved.hash = newest.hash.hexString
            moved.pendingID = nil
            moved.pendingHash = nil
            try writeAnchor(moved)
            // An entry that crosses a multiple of the interval is kept: ids may skip (PostgreSQL's
            // identity values do after a rollback), and a checkpoint must not be skipped with them.
            var previous = appended.tail?.id ?? 0
            for entry in appended.entries {
                if entry.id / Self.checkpointInterval > previous / Self.checkpointInterval { try checkpoints.record(entry) }
                previous = entry.id
            }
            return newest
        }
    }

    /// What the store does inside its transaction: check the tail against the anchor, chain the
    /// entries to it, and, before the commit, name the newest entry in the anchor as pending (if
    /// the command stops between the commit and moving the anchor, the next run finds the entry
    /// named and carries on).
    private func chainedAppend(_ body: Data, anchor: LogAnchor?) -> ChainedAppend {
        ChainedAppend(
            log: log,
            entries: { [self] tail in
                try check(tail, against: anchor)
                var bodies = [body]
                // The anchor named an entry as being written, and the log ends before it: the
                // command stopped between naming it and committing it, or someone removed it since.
                // Either way the log says so, in the next entry.
                if let missing = anchor?.pendingID, tail?.id != missing, let note = missingEntryNote {
                    bodies.insert(try note(tail?.id), at: 0)
                }
                // After a removal emptied the log, the next entry chains to the checkpoint.
                var previous = tail?.hash ?? anchor?.startHash.flatMap { Data(hexString: $0) } ?? HashChain.genesis
                var entries: [NewChainedEntry] = []
                for body in bodies {
                    let hash = try HashChain.link(previous: previous, body: body)
                    entries.append(NewChainedEntry(body: body, previousHash: previous, hash: hash))
                    previous = hash
                }
                return entries
            },
            beforeCommit: { [self] tail, appended in
                guard let newest = appended.last else { return }
                try writeAnchor(pendingAnchor(anchor, tail: tail, newest: newest))
            })
    }

    /// The anchor naming `newest` as pending. A log without an anchor yet is anchored at the tail
    /// it had first.
    private func pendingAnchor(_ anchor: LogAnchor?, tail: ChainedLogEntry?, newest: ChainedLogEntry) -> LogAnchor {
        var pending = anchor ?? LogAnchor(lastID: tail?.id, hash: tail?.hash.hexString ?? HashChain.genesis.hexString)
        pending.pendingID = newest.id
        pending.pendingHash = newest.hash.hexString
        return pending
    }

    /// The newest entry, checked against the anchor and against its own hash: what a purge trusts
    /// for the time of the last run.
    public func verifiedTail() async throws -> ChainedLogEntry? {
        let (anchor, stored) = try await consistentRead()
        let tail = stored.last
        try check(tail, against: anchor)
        if let tail, try HashChain.link(previous: tail.previousHash, body: tail.body) != tail.hash {
            throw AnchoredLogError("the newest entry of the \(title) (\(tail.id)) does not match its hash: it was changed")
        }
        return tail
    }

    public func entries() async throws -> [ChainedLogEntry] {
        try await store.entries(of: log)
    }

    /// Checks every link of the chain from its start, and that it ends where the anchor says.
    public func verify() async throws -> Verification {
        let (anchor, stored) = try await consistentRead()
        if let index = try firstBrokenEntry(stored, anchor: anchor) {
            return .broken(
                entryID: stored[index].id,
                reason: "its hash chain does not hold: the entry or one before it was changed, removed or reordered")
        }
        guard let anchor else {
            return stored.isEmpty ? .intact(entries: 0) : .broken(entryID: nil, reason: "the anchor file \(anchorPath) is missing")
        }
        guard anchor.isEnd(Self.tail(stored.last)) else {
            return .broken(entryID: nil, reason: endMismatch(stored.last, anchor: anchor))
        }
        return .intact(entries: stored.count)
    }

    /// Removes the oldest entries for which `isExpired` holds (it reads the time inside each
    /// entry's hashed body), keeping a checkpoint so that the rest still verifies. Returns how
    /// many were removed. The whole chain is checked first: a time changed inside a body breaks
    /// its hash, and nothing is removed on the word of a changed entry.
    public func removeExpiredPrefix(_ isExpired: @escaping @Sendable (ChainedLogEntry) -> Bool) async throws -> Int {
        try await keys.withExclusiveLock {
            guard var anchor = try readAnchor() else { return 0 }
            let before = anchor
            let removed = try await store.removeOldest(of: log) { [self] entries in
                try check(entries.last, against: before)
                if let index = try firstBrokenEntry(entries, anchor: before) {
                    throw AnchoredLogError(
                        "the \(title)'s hash chain does not hold at entry \(entries[index].id); nothing was removed. `inbox audit verify` says more"
                    )
                }
                guard let last = entries.prefix(while: isExpired).last else { return nil }
                var pending = before
                pending.pendingStartHash = last.hash.hexString
                try writeAnchor(pending)
                return last.id
            }
            guard let last = removed.last else { return 0 }
            anchor.startHash = last.hash.hexString
            anchor.pendingStartHash = nil
            try writeAnchor(anchor)
            try checkpoints.recordStart(last.hash)
            return removed.count
        }
    }

    /// After a database restore the logs end before their anchors, and every change to them is
    /// refused as tampering until an operator accepts the restored end. What is accepted must be
    /// the real log's beginning: it must hold together, start where the log ever started (at the
    /// beginning, or at a point the retention left), and agree with every checkpoint kept in the
    /// key directory up to its end; the acceptance is kept in the anchor with its reason. Returns
    /// nil when the log already ends at its anchor.
    public func acceptRestoredEnd(reason: String, at date: Date) async throws -> (from: Int64?, to: Int64?, unchecked: [ChainedLogEntry])? {
        try await keys.withExclusiveLock {
            let anchor = try readAnchor()
            let kept = try checkpoints.read()
            // Every append takes the lock held here, so the entries cannot change until the new
            // anchor is written.
            let entries = try await store.entries(of: log)
            return try {
                if let anchor, anchor.isEnd(Self.tail(entries.last)) { return nil }
                let knownStarts = Set(
                    [HashChain.genesis] + kept.starts
                        + [anchor?.startHash, anchor?.pendingStartHash].compactMap { $0.flatMap { Data(hexString: $0) } })
                let start = entries.first?.previousHash ?? anchor?.startHash.flatMap { Data(hexString: $0) } ?? HashChain.genesis
                guard knownStarts.contains(start) else {
                    throw AnchoredLogError("the restored \(title) starts at no point the log ever started from; it is not accepted")
                }
                if let index = try HashChain.firstBrokenEntry(entries.map { ($0.previousHash, $0.body, $0.hash) }, start: start) {
                    throw AnchoredLogError(
                        "the \(title)'s hash chain does not hold at entry \(entries[index].id); a restore does not explain that, so it is not accepted"
                    )
                }
                let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.hash) })
                let first = entries.first?.id ?? 0
                let last = entries.last?.id ?? 0
                // A backup is older than the log it is restored over: its end cannot lie beyond it.
                if let end = anchor.map({ max($0.lastID ?? 0, $0.pendingID ?? 0) }), last > end {
                    throw AnchoredLogError(
                        "the restored \(title) ends at entry \(last), after entry \(end) where the log it replaces ended; a backup cannot, so it is not accepted"
                    )
                }
                for checkpoint in kept.entries where checkpoint.id >= first && checkpoint.id <= last {
                    guard byID[checkpoint.id] == checkpoint.hash else {
                        throw AnchoredLogError(
                            "the restored \(title) disagrees with the checkpoint the key directory kept for entry \(checkpoint.id); it is not the log that was written, so it is not accepted"
                        )
                    }
                }
                let newEnd = entries.last?.hash.hexString ?? start.hexString
                var accepted = LogAnchor(
                    lastID: entries.last?.id, hash: newEnd, startHash: start == HashChain.genesis ? nil : start.hexString)
                accepted.restores =
                    (anchor?.restores ?? [])
                    + [
                        LogAnchor.Restore(
                            at: date, fromID: anchor?.lastID, fromHash: anchor?.hash ?? "", toID: entries.last?.id, toHash: newEnd,
                            reason: reason)
                    ]
                try writeAnchor(accepted)
                // What no checkpoint vouches for: the operator reads it before trusting it.
                let lastChecked = kept.entries.map(\.id).filter { $0 <= last }.max() ?? 0
                return (anchor?.lastID, entries.last?.id, entries.filter { $0.id > lastChecked })
            }()
        }
    }

    /// Refuses to go on from a tail that is not where the anchor says the log ends. No anchor yet
    /// (a new inbox, or the first run of a version that anchors this log): the tail is adopted.
    private func check(_ tail: ChainedLogEntry?, against anchor: LogAnchor?) throws {
        guard let anchor, !anchor.isEnd(Self.tail(tail)) else { return }
        throw AnchoredLogError(
            "\(endMismatch(tail, anchor: anchor)); nothing was written. If the database was restored from a backup, "
                + "`inbox audit restore --reason TEXT` accepts its logs as they are; otherwise `inbox audit verify` and the log need a look"
        )
    }

    /// The first entry whose links do not hold, from the start the anchor allows.
    private func firstBrokenEntry(_ entries: [ChainedLogEntry], anchor: LogAnchor?) throws -> Int? {
        // The chain starts at the genesis hash, or at the checkpoint left by the last removal (or
        // by one cut short, whose pending checkpoint is also accepted).
        let starts = [anchor?.startHash, anchor?.pendingStartHash].compactMap { $0.flatMap { Data(hexString: $0) } }
        let start = starts.first { $0 == entries.first?.previousHash } ?? starts.first ?? HashChain.genesis
        return try HashChain.firstBrokenEntry(entries.map { ($0.previousHash, $0.body, $0.hash) }, start: start)
    }

    /// The anchor and the entries as of one moment, without the lock (a reader may not be able to
    /// take it): an append names its entry in the anchor before committing it, so an anchor that
    /// did not change while the entries were read belongs with them.
    private func consistentRead() async throws -> (LogAnchor?, [ChainedLogEntry]) {
        for _ in 0..<20 {
            let before = try readAnchor()
            let stored = try await store.entries(of: log)
            if try readAnchor() == before { return (before, stored) }
        }
        throw AnchoredLogError("the \(title) kept changing while it was read; try again")
    }

    private func endMismatch(_ tail: ChainedLogEntry?, anchor: LogAnchor) -> String {
        let end = anchor.lastID.map { "at entry \($0)" } ?? "empty"
        let actual = tail.map { "at entry \($0.id)" } ?? "empty"
        return
            "the \(title) ends \(actual), but its anchor in the key directory says it ends \(end): entries were removed, added or changed"
    }

    static func tail(_ entry: ChainedLogEntry?) -> ChainedLogTail {
        entry.map { .entry(id: $0.id, hash: $0.hash.hexString) } ?? .empty
    }

    var anchorPath: String { "\(keys.path)/\(anchorName)" }

    func readAnchor() throws -> LogAnchor? {
        guard let bytes = try keys.readFile(named: anchorName) else { return nil }
        do {
            return try CanonicalJSON.decoder.decode(LogAnchor.self, from: Data(bytes))
        } catch {
            throw AnchoredLogError("the anchor file \(anchorPath) is unreadable")
        }
    }

    private func writeAnchor(_ anchor: LogAnchor) throws {
        try keys.replaceFile(named: anchorName, with: Array(try CanonicalJSON.encoder.encode(anchor)))
    }
}

public struct AnchoredLogError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
