// An append to a hash-chained log, as the engine carries it out inside a write transaction: of its
// own (`LogStore.append`), or of the change it accompanies (`CaseStore.markAnswered` and the audit
// entry that says so).
public import Foundation

public struct ChainedAppend: Sendable {
    public let log: ChainedLogName
    /// Called inside the transaction with the log's newest entry: what to append, hashes computed.
    public let entries: @Sendable (_ tail: ChainedLogEntry?) throws -> [NewChainedEntry]
    /// Called inside the transaction once the entries are inserted (ids assigned), before the
    /// commit; throwing rolls everything back.
    public let beforeCommit: @Sendable (_ tail: ChainedLogEntry?, _ appended: [ChainedLogEntry]) throws -> Void

    public init(
        log: ChainedLogName, entries: @escaping @Sendable (ChainedLogEntry?) throws -> [NewChainedEntry],
        beforeCommit: @escaping @Sendable (ChainedLogEntry?, [ChainedLogEntry]) throws -> Void
    ) {
        self.log = log
        self.entries = entries
        self.beforeCommit = beforeCommit
    }
}

/// An entry to append: its body and the hashes that chain it, computed by the caller.
public struct NewChainedEntry: Sendable, Equatable {
    public let body: Data
    public let previousHash: Data
    public let hash: Data

    public init(body: Data, previousHash: Data, hash: Data) {
        self.body = body
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// What an append built on and what it added.
public struct AppendedEntries: Sendable, Equatable {
    /// The newest entry before the append.
    public let tail: ChainedLogEntry?
    public let entries: [ChainedLogEntry]

    public init(tail: ChainedLogEntry?, entries: [ChainedLogEntry]) {
        self.tail = tail
        self.entries = entries
    }
}
