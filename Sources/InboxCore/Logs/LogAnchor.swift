// What a log's anchor file in the key directory holds: where the log ends (the id and hash of its
// newest entry) and where it starts once old entries were removed under the policy. The key
// directory is out of reach of the internet-facing service (it reads it, never writes it), and a
// database restore does not touch it, so a log whose end disagrees with its anchor was changed
// outside `inbox`.
import Foundation

struct LogAnchor: Codable, Equatable {
    /// The id and hash of the newest entry; nil id for a log that has never had one.
    var lastID: Int64?
    var hash: String
    /// The hash the oldest kept entry chains to, after a removal under the policy.
    var startHash: String?
    /// Written before a removal and cleared after it, so that a removal cut short still verifies.
    var pendingStartHash: String?
    /// Written just before an append commits and cleared after the anchor moves: an append cut
    /// short between the database's commit and the anchor's move is finished, not called tampering.
    var pendingID: Int64?
    var pendingHash: String?
    /// Each time an operator accepted the database's logs after a restore (`inbox audit restore`).
    var restores: [Restore]?

    struct Restore: Codable, Equatable {
        let at: Date
        let fromID: Int64?
        let fromHash: String
        let toID: Int64?
        let toHash: String
        let reason: String

        enum CodingKeys: String, CodingKey {
            case at, reason
            case fromID = "from_id"
            case fromHash = "from_hash"
            case toID = "to_id"
            case toHash = "to_hash"
        }
    }

    enum CodingKeys: String, CodingKey {
        case hash, restores
        case lastID = "last_id"
        case startHash = "start_hash"
        case pendingStartHash = "pending_start_hash"
        case pendingID = "pending_id"
        case pendingHash = "pending_hash"
    }

    /// Whether `tail` is where this anchor says the log ends (or where an append cut short ended it).
    func isEnd(_ tail: ChainedLogTail) -> Bool {
        switch tail {
        case .entry(let id, let hash):
            return (id == lastID && hash == self.hash) || (id == pendingID && hash == pendingHash)
        case .empty:
            // Never written, or emptied by the retention: then the anchor's hash is the checkpoint.
            return lastID == nil || [startHash, pendingStartHash].contains(hash)
        }
    }

}

/// The end of a log as the database has it.
enum ChainedLogTail: Equatable {
    case empty
    case entry(id: Int64, hash: String)
}
