// Creating, listing and destroying the keys of calendar epochs and of holds. A key's state is read
// off the files present and the calendar; destruction deletes the files and is retried until
// none is left.
public import Foundation

extension KeyDirectory {
    /// Creates the epochs from the one containing `now` to `ahead` epochs after it, where they are
    /// missing. Needs only the master public key. Returns the epochs created. Never called by the
    /// intake server, which only reads the key directory.
    @discardableResult
    public func createMissingEpochs(now: Date, ahead: Int = 2) throws -> [UInt32] {
        try withExclusiveLock {
            let calendar = try calendar()
            let master = try masterPublicKey()
            try KeyFileSystem.createDirectory(epochsPath)
            var created: [UInt32] = []
            for epoch in try calendar.epochs(from: now, count: ahead + 1) {
                if KeyFileSystem.exists(files(of: epoch).directory) { continue }
                if try createKeySet(epoch, in: epochsPath, master: master) { created.append(epoch) }
            }
            return created
        }
    }

    /// Builds a key set in a temporary directory and renames it into place, so that it is either
    /// complete or absent; `false` if it exists already.
    func createKeySet(_ epoch: UInt32, in parent: String, master: MasterPublicKey) throws -> Bool {
        let suffix = try SecureRandom.bytes(count: 6).map { String($0, radix: 16) }.joined()
        let temporary = EpochKeyFiles(directory: "\(parent)/.new-\(epoch)-\(suffix)")
        try KeyFileSystem.createDirectory(temporary.directory)
        var placed = false
        defer { if !placed { KeyFileSystem.removeFlatDirectory(temporary.directory) } }

        for field in RecordField.allCases {
            let key = EpochPrivateKey(epoch: epoch, field: field, key: try X25519PrivateKey())
            try KeyFileSystem.write(PublicKeyPEM.encode(key.key.publicKey), to: temporary.publicKey(field), replacing: false)
            try KeyFileSystem.write(master.seal(key).bytes, to: temporary.sealedPrivateKey(field), replacing: false)
        }
        let indexKey = try SecretBytes.random(count: HMACSHA256.byteCount)
        try KeyFileSystem.write(indexKey, to: temporary.indexKey, replacing: false)
        try KeyFileSystem.syncDirectory(temporary.directory)

        placed = try KeyFileSystem.renameDirectory(temporary.directory, to: "\(parent)/\(epoch)")
        return placed
    }

    /// Every key with its state at `now`: the calendar epochs oldest first, then the holds' keys.
    public func list(now: Date) throws -> [EpochKeyStatus] {
        let calendar = try calendar()
        let current = calendar.epoch(containing: now)
        var statuses: [EpochKeyStatus] = []
        for epoch in try numberedEntries(of: epochsPath) {
            let interval = calendar.isCalendarEpoch(epoch) ? try calendar.interval(of: epoch) : nil
            guard interval != nil || epoch == SealedField.legacyHoldEpoch else { continue }
            for field in RecordField.allCases {
                let alive: EpochKeyState =
                    epoch == SealedField.legacyHoldEpoch ? .hold : epoch == current ? .current : epoch > current ? .future : .retired
                statuses.append(
                    EpochKeyStatus(
                        epoch: epoch, field: field, state: state(of: epoch, field: field, alive: alive), starts: interval?.start,
                        ends: interval?.end))
            }
        }
        for hold in try numberedEntries(of: holdsPath) where SealedField.holdKeyIDs.contains(hold) {
            for field in RecordField.allCases {
                statuses.append(
                    EpochKeyStatus(epoch: hold, field: field, state: state(of: hold, field: field, alive: .hold), starts: nil, ends: nil))
            }
        }
        return statuses
    }

    private func state(of epoch: UInt32, field: RecordField, alive: EpochKeyState) -> EpochKeyState {
        let presence = files(of: epoch).presence(field)
        return presence.present == presence.of ? alive : presence.present == 0 ? .destroyed : .destroying
    }

    /// The numbered directories under `path` (temporary `.new-…` directories are not listed).
    private func numberedEntries(of path: String) throws -> [UInt32] {
        guard KeyFileSystem.exists(path) else { return [] }
        return try KeyFileSystem.entries(of: path).compactMap { UInt32($0) }.sorted()
    }

    /// Destroys the key of `(epoch, field)` of a past calendar epoch: deletes the sealed private
    /// key, the index key (for email) and the public key, then flushes the directory. A file that
    /// cannot be deleted is an error, and the key stays `destroying` until a later run deletes
    /// it; nothing records a destruction that has not happened. Refuses the current epoch, a future
    /// one and a hold's keys, whatever the caller believes.
    public func destroy(epoch: UInt32, field: RecordField, now: Date) throws {
        try withExclusiveLock {
            let calendar = try calendar()
            guard calendar.isCalendarEpoch(epoch) else {
                throw CryptoError(.keyFile, "\(epoch) is not a calendar epoch; a hold's keys are destroyed by its release")
            }
            guard epoch < calendar.epoch(containing: now) else {
                throw CryptoError(.keyFile, "epoch \(epoch) is current or in the future; its keys are never destroyed")
            }
            try deleteKeyFiles(files(of: epoch), field: field)
        }
    }

    func deleteKeyFiles(_ keyFiles: EpochKeyFiles, field: RecordField) throws {
        var failure: (any Error)? = nil
        for file in keyFiles.keyFiles(field) {
            do { try KeyFileSystem.remove(file) } catch { failure = failure ?? error }
        }
        if KeyFileSystem.exists(keyFiles.directory) { try KeyFileSystem.syncDirectory(keyFiles.directory) }
        if let failure { throw failure }
    }
}
