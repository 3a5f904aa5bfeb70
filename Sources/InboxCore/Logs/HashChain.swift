// The hash chain of the purge log, the audit log and the suppression list: each entry's hash is
// SHA-256(previous hash || entry), so a changed, removed or reordered entry breaks every hash after
// it.
public import Foundation
import InboxCrypto

public enum HashChain {
    /// The "previous hash" of the first entry.
    public static let genesis = Data(count: SHA256.byteCount)

    public static func link(previous: Data, body: Data) throws -> Data {
        Data(try SHA256.hash(previous + body))
    }

    /// The index of the first entry whose links do not hold, or nil if the chain is intact.
    public static func firstBrokenEntry(_ entries: [(previousHash: Data, body: Data, hash: Data)], start: Data = genesis) throws -> Int? {
        var previous = start
        for (index, entry) in entries.enumerated() {
            guard entry.previousHash == previous, try link(previous: previous, body: entry.body) == entry.hash else { return index }
            previous = entry.hash
        }
        return nil
    }
}
