// A hash-chained log in the database whose end is anchored in the key directory (the audit log,
// the purge log). Every change runs holding the key directory's lock and inside one database write
// transaction that first checks the log's tail against the anchor: a tail that disagrees is
// reported as tampering and never chained over, so deleting entries, adding some or rewriting the
// chain with the database's write access alone is always found.
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

    public let store: any InboxStore
    public let keys: KeyDirectory
    public let log: ChainedLogName
    /// A name for people: "audit log", "purge log".
    public let title: String

    public init(store: any InboxStore, keys: KeyDirectory, log: ChainedLogName, title: String) {
        self.store = store
        self.keys = keys
        self.log = log
        self.title = title
    }

    var anchorName: String { log == .audit ? "audit.anchor" : "purge.anchor" }

    /// Appends `body`, chained to the tail after checking the tail against the anchor; returns the
    /// new entry.
    @discardableResult
    public func append(_ body: Data) throws -> ChainedLogEntry {
        try keys.withExclusiveLock {
            var anchor = try readAnchor()
            let entry = try store.writeChainedLog(log) { transaction in
                let tail = try transaction.tail()
                try check(tail, against: anchor)
                // After a removal emptied the log, the next entry chains to the checkpoint.
                let previous =
                    tail?.hash ?? anchor?.startHash.flatMap { Data(hexString: $0) } ?? HashChain.genesis
                let hash = try HashChain.link(previous: previous, body: body)
                let id = try transaction.insert(body: body, previousHash: previous, hash: hash)
                // Before the commit: if we stop between the commit and moving the anchor, the next
                // run finds the entry named as pending and carries on. A log without an anchor yet
                // is anchored at its tail first.
                var pending = anchor ?? LogAnchor(lastID: tail?.id, hash: tail?.hash.hexString ?? HashChain.genesis.hexString)
                pending.pendingID = id
                pending.pendingHash = hash.hexString
                try writeAnchor(pending)
                anchor = pending
                return ChainedLogEntry(id: id, body: body, previousHash: previous, hash: hash)
            }
            var moved = anchor ?? LogAnchor(lastID: nil, hash: entry.hash.hexString)
            moved.lastID = entry.id
            moved.hash = entry.hash.hexString
            moved.pendingID = nil
            moved.pendingHash = nil
            try writeAnchor(moved)
            return entry
        }
    }

    /// The newest entry, after checking it against the anchor: what a purge trusts for the time
    /// of the last run.
    public func verifiedTail() throws -> ChainedLogEntry? {
        let anchor = try readAnchor()
        let tail = try store.entries(of: log).last
        try check(tail, against: anchor)
        return tail
    }

    public func entries() throws -> [ChainedLogEntry] {
        try store.entries(of: log)
    }

    /// Checks every link of the chain from its start, and that it ends where the anchor says.
    public func verify() throws -> Verification {
        let stored = try store.entries(of: log)
        let anchor = try readAnchor()
        // The chain starts at the genesis hash, or at the checkpoint left by the last removal (or
        // by one cut short, whose pending checkpoint is also accepted).
        let starts = [anchor?.startHash, anchor?.pendingStartHash].compactMap { $0.flatMap { Data(hexString: $0) } }
        let start = starts.first { $0 == stored.first?.previousHash } ?? starts.first ?? HashChain.genesis
        if let index = try HashChain.firstBrokenEntry(stored.map { ($0.previousHash, $0.body, $0.hash) }, start: start) {
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
    /// many were removed.
    public func removeExpiredPrefix(_ isExpired: (ChainedLogEntry) -> Bool) throws -> Int {
        try keys.withExclusiveLock {
            guard var anchor = try readAnchor() else { return 0 }
            let removed = try store.writeChainedLog(log) { transaction -> [ChainedLogEntry] in
                let entries = try transaction.entries()
                try check(entries.last, against: anchor)
                let expired = Array(entries.prefix(while: isExpired))
                guard let last = expired.last else { return [] }
                anchor.pendingStartHash = last.hash.hexString
                try writeAnchor(anchor)
                try transaction.deleteEntries(through: last.id)
                return expired
            }
            guard let last = removed.last else { return 0 }
            anchor.startHash = last.hash.hexString
            anchor.pendingStartHash = nil
            try writeAnchor(anchor)
            return removed.count
        }
    }

    /// After a database restore the logs end before their anchors, and every change to them is
    /// refused as tampering until an operator accepts the restored end: the chain must still hold
    /// from its start, and the acceptance is kept in the anchor with its reason. Returns nil when
    /// the log already ends at its anchor.
    public func acceptRestoredEnd(reason: String, at date: Date) throws -> (from: Int64?, to: Int64?)? {
        try keys.withExclusiveLock {
            let anchor = try readAnchor()
            return try store.writeChainedLog(log) { transaction -> (from: Int64?, to: Int64?)? in
                let entries = try transaction.entries()
                if let anchor, anchor.isEnd(Self.tail(entries.last)) { return nil }
                // The restored log may start at a checkpoint of a removal the anchor has moved past
                // since: what came before it was removed under the policy and cannot be checked.
                let start = entries.first?.previousHash ?? anchor?.startHash.flatMap { Data(hexString: $0) } ?? HashChain.genesis
                if let index = try HashChain.firstBrokenEntry(entries.map { ($0.previousHash, $0.body, $0.hash) }, start: start) {
                    throw AnchoredLogError(
                        "the \(title)'s hash chain does not hold at entry \(entries[index].id); a restore does not explain that, so it is not accepted"
                    )
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
                return (anchor?.lastID, entries.last?.id)
            }
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
            return try LogAnchor.decoder.decode(LogAnchor.self, from: Data(bytes))
        } catch {
            throw AnchoredLogError("the anchor file \(anchorPath) is unreadable")
        }
    }

    private func writeAnchor(_ anchor: LogAnchor) throws {
        try keys.replaceFile(named: anchorName, with: Array(try LogAnchor.encoder.encode(anchor)))
    }
}

public struct AnchoredLogError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
