// The hash-chained logs (the audit log, the purge log). Appends and removals run in one write
// transaction that first reads what they build on, under the database's write lock, so that two
// processes at once can never fork a chain. What to write is decided by the caller's closures,
// which the engine calls inside that transaction; they do no I/O on the store and may throw to roll
// it back, and their error comes out as it was thrown.

public protocol LogStore: Sendable {
    /// Reads the log's tail, asks `append` what to write, inserts it, lets `append` act before the
    /// commit, and commits.
    func append(_ append: ChainedAppend) async throws -> AppendedEntries

    /// Reads every entry, asks `through` up to which id the oldest entries go (nil: none), and
    /// deletes them in the same transaction. Returns the removed entries.
    func removeOldest(
        of log: ChainedLogName, through: @escaping @Sendable ([ChainedLogEntry]) throws -> Int64?
    ) async throws -> [ChainedLogEntry]

    /// Every entry of a hash-chained log, oldest first (a read; verification compares it with the
    /// log's anchor).
    func entries(of log: ChainedLogName) async throws -> [ChainedLogEntry]
}
