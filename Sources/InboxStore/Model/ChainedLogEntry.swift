// An entry of a hash-chained log (the purge log, the audit log): its JSON body and the hashes
// that chain it to the entry before.
public import Foundation

public struct ChainedLogEntry: Sendable, Equatable {
    /// Assigned by the store; nil before the entry is appended.
    public let id: Int64?
    public let recordedAt: Date
    /// The entry itself, canonical JSON without personal data.
    public let body: Data
    public let previousHash: Data
    public let hash: Data

    public init(id: Int64?, recordedAt: Date, body: Data, previousHash: Data, hash: Data) {
        self.id = id
        self.recordedAt = recordedAt
        self.body = body
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The hash-chained logs the store keeps.
public enum ChainedLogName: String, Sendable, CaseIterable {
    /// One entry per purge run.
    case purge = "purge_log"
    /// One entry per opening, answer, export, erasure, hold, release and refused purpose.
    case audit = "audit_log"
}
