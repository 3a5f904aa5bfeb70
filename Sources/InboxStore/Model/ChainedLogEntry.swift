// An entry of a hash-chained log (the purge log, the audit log): its JSON body and the hashes
// that chain it to the entry before. Any time that matters (when an audit entry was written, when
// a purge ran) is inside the body, under the hash: a column outside it could be changed unseen.
public import Foundation

public struct ChainedLogEntry: Sendable, Equatable {
    /// Assigned by the store, never reused.
    public let id: Int64
    /// The entry itself, canonical JSON without personal data.
    public let body: Data
    public let previousHash: Data
    public let hash: Data

    public init(id: Int64, body: Data, previousHash: Data, hash: Data) {
        self.id = id
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
