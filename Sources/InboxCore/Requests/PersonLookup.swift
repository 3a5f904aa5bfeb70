// Finds a person's records from their address, for access and erasure requests (GDPR art. 15 and
// 17), without the address being stored: its HMAC under each live epoch's index key is looked up.
// Epochs whose email key was destroyed have no index key any more, and their records no address.
public import Foundation
public import InboxCrypto
public import InboxStore

public struct PersonLookup: Sendable {
    public let keys: KeyDirectory
    public let store: any InboxStore

    public init(keys: KeyDirectory, store: any InboxStore) {
        self.keys = keys
        self.store = store
    }

    public func references(forEmail address: String, now: Date = Date()) throws -> [Reference] {
        var found: [Reference] = []
        for status in try keys.list(now: now) where status.field == .email && status.state != .destroyed && status.state != .incomplete {
            let code = try EmailIndexNormalization.code(for: address, key: keys.indexKey(epoch: status.epoch))
            for reference in try store.references(withEmailIndex: code) where !found.contains(reference) {
                found.append(reference)
            }
        }
        return found
    }
}
