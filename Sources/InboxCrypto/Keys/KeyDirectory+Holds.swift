// The keys of a legal hold: one pair per field and an index key, created when a record is held and
// destroyed when it is released, so that backups taken during the hold become unreadable once the
// current epoch's keys go (a shared hold key would keep them readable forever).
import Foundation

extension KeyDirectory {
    /// Creates the key set of a new hold under a fresh random id from `SealedField.holdKeyIDs`;
    /// needs only the master public key.
    public func createHoldKeys() throws -> UInt32 {
        try withExclusiveLock {
            let master = try masterPublicKey()
            try KeyFileSystem.createDirectory(holdsPath)
            for _ in 0..<16 {
                let random = try SecureRandom.bytes(count: 4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                let id = random | SealedField.holdKeyIDs.lowerBound
                if KeyFileSystem.exists(files(of: id).directory) { continue }
                if try createKeySet(id, in: holdsPath, master: master) { return id }
            }
            throw CryptoError(.keyFile, "could not find a free hold key id in \(holdsPath)")
        }
    }

    /// Destroys every key of a hold (its release). Idempotent: keys already gone are skipped, and
    /// an interrupted destruction is finished by calling it again. The legacy hold epoch 0, which
    /// every old hold shared, is never destroyed here.
    public func destroyHoldKeys(_ id: UInt32) throws {
        guard SealedField.holdKeyIDs.contains(id) else {
            throw CryptoError(.keyFile, "\(id) does not name a hold's own keys")
        }
        try withExclusiveLock {
            var failure: (any Error)? = nil
            for field in RecordField.allCases {
                do { try deleteKeyFiles(files(of: id), field: field) } catch { failure = failure ?? error }
            }
            if let failure { throw failure }
        }
    }

    /// Whether any file of the hold's keys remains.
    public func holdKeysRemain(_ id: UInt32) -> Bool {
        RecordField.allCases.contains { files(of: id).presence($0).present > 0 }
    }
}
