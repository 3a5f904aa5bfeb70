// The key directory (`--key-dir`, default DATA_DIR/keys): the master public key and every epoch's
// keys. The intake server reads it and may add epochs; the purge may destroy keys in it; nothing
// in it opens a field without the master private key, which lives elsewhere.
public import Foundation

public struct KeyDirectory: Sendable {
    /// `key-directory.json`: written last by `inbox keys init`, so its presence means a complete
    /// key directory.
    struct Manifest: Codable {
        let format: Int
        let monthsPerEpoch: Int
        let createdAt: Date

        enum CodingKeys: String, CodingKey {
            case format
            case monthsPerEpoch = "months_per_epoch"
            case createdAt = "created_at"
        }
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    var manifestPath: String { "\(path)/key-directory.json" }
    var masterPublicKeyPath: String { "\(path)/master.pub.pem" }
    var epochsPath: String { "\(path)/epochs" }

    func files(of epoch: UInt32) -> EpochKeyFiles {
        EpochKeyFiles(directory: "\(epochsPath)/\(epoch)")
    }

    /// Whether `inbox keys init` has completed here.
    public var isInitialized: Bool { KeyFileSystem.exists(manifestPath) }

    /// Writes the master public key and the manifest of a new key directory.
    func create(masterPublicKey: MasterPublicKey, calendar: EpochCalendar, now: Date) throws {
        try KeyFileSystem.createDirectory(path)
        try KeyFileSystem.createDirectory(epochsPath)
        try KeyFileSystem.write(PublicKeyPEM.encode(masterPublicKey.key), to: masterPublicKeyPath, replacing: false)
        let manifest = Manifest(format: 1, monthsPerEpoch: calendar.monthsPerEpoch, createdAt: now)
        try KeyFileSystem.write(KeyJSON.encode(manifest), to: manifestPath, replacing: false)
    }

    /// The epoch calendar this key directory was created with.
    public func calendar() throws -> EpochCalendar {
        try requireInitialized()
        let manifest = try KeyJSON.decode(Manifest.self, from: KeyFileSystem.read(manifestPath), describing: manifestPath)
        return try EpochCalendar(monthsPerEpoch: manifest.monthsPerEpoch)
    }

    public func masterPublicKey() throws -> MasterPublicKey {
        try requireInitialized()
        return MasterPublicKey(key: try PublicKeyPEM.decode(KeyFileSystem.read(masterPublicKeyPath), describing: masterPublicKeyPath))
    }

    /// Creates the hold epoch and the epochs from the one containing `now` to `ahead` epochs after
    /// it, where they are missing. Needs only the master public key. Returns the epochs created.
    @discardableResult
    public func createMissingEpochs(now: Date, ahead: Int = 2) throws -> [UInt32] {
        let calendar = try calendar()
        let master = try masterPublicKey()
        var created: [UInt32] = []
        for epoch in [SealedField.holdEpoch] + (try calendar.epochs(from: now, count: ahead + 1)) {
            if KeyFileSystem.exists(files(of: epoch).directory) { continue }
            let interval = epoch == SealedField.holdEpoch ? nil : try calendar.interval(of: epoch)
            if try createEpoch(epoch, interval: interval, master: master, now: now) {
                created.append(epoch)
            }
        }
        return created
    }

    /// Builds an epoch in a temporary directory and renames it into place, so that an epoch is
    /// either complete or absent; `false` if another process created it first.
    private func createEpoch(_ epoch: UInt32, interval: DateInterval?, master: MasterPublicKey, now: Date) throws -> Bool {
        let suffix = try SecureRandom.bytes(count: 6).map { String($0, radix: 16) }.joined()
        let temporary = EpochKeyFiles(directory: "\(epochsPath)/.new-\(epoch)-\(suffix)")
        try KeyFileSystem.createDirectory(temporary.directory)
        var placed = false
        defer { if !placed { KeyFileSystem.removeFlatDirectory(temporary.directory) } }

        for field in RecordField.allCases {
            let key = EpochPrivateKey(epoch: epoch, field: field, key: try X25519PrivateKey())
            try KeyFileSystem.write(PublicKeyPEM.encode(key.key.publicKey), to: temporary.publicKey(field), replacing: false)
            try KeyFileSystem.write(master.seal(key).bytes, to: temporary.sealedPrivateKey(field), replacing: false)
        }
        let indexKey = try SecretBytes.random(count: HMACSHA256.byteCount)
        try KeyFileSystem.write(indexKey.withUnsafeBytes { Array($0) }, to: temporary.indexKey, replacing: false)
        let metadata = EpochMetadata(epoch: epoch, starts: interval?.start, ends: interval?.end, createdAt: now)
        try KeyFileSystem.write(KeyJSON.encode(metadata), to: temporary.metadata, replacing: false)

        placed = try KeyFileSystem.renameDirectory(temporary.directory, to: files(of: epoch).directory)
        return placed
    }

    /// The public key the server seals `field` with in `epoch`.
    public func publicKey(epoch: UInt32, field: RecordField) throws -> EpochPublicKey {
        let file = files(of: epoch).publicKey(field)
        try requirePresent(file, epoch: epoch, field: field)
        return EpochPublicKey(epoch: epoch, field: field, key: try PublicKeyPEM.decode(KeyFileSystem.read(file), describing: file))
    }

    /// The private half of `(epoch, field)`, sealed to the master key.
    public func sealedPrivateKey(epoch: UInt32, field: RecordField) throws -> SealedField {
        let file = files(of: epoch).sealedPrivateKey(field)
        try requirePresent(file, epoch: epoch, field: field)
        return try SealedField(bytes: KeyFileSystem.read(file))
    }

    /// The HMAC-SHA256 key of `epoch`'s email index.
    public func indexKey(epoch: UInt32) throws -> SecretBytes {
        let file = files(of: epoch).indexKey
        try requirePresent(file, epoch: epoch, field: .email)
        let bytes = try KeyFileSystem.read(file)
        guard bytes.count == HMACSHA256.byteCount else { throw CryptoError(.keyFile, "\(file) is not a 32-byte index key") }
        return SecretBytes(copying: bytes)
    }

    /// Destroys the key of `(epoch, field)`: records the destruction, then deletes the public key,
    /// the sealed private key and, for email, the index key. Idempotent; the hold epoch is refused.
    public func destroy(epoch: UInt32, field: RecordField, now: Date) throws {
        guard epoch != SealedField.holdEpoch else {
            throw CryptoError(.keyFile, "the hold keys (epoch 0) are never destroyed by time")
        }
        let epochFiles = files(of: epoch)
        guard KeyFileSystem.exists(epochFiles.directory) else {
            throw CryptoError(.keyFile, "epoch \(epoch) has no keys in \(epochsPath)")
        }
        if !KeyFileSystem.exists(epochFiles.tombstone(field)) {
            let record = DestructionRecord(epoch: epoch, field: field, destroyedAt: now)
            try KeyFileSystem.write(KeyJSON.encode(record), to: epochFiles.tombstone(field), replacing: false)
        }
        for file in epochFiles.keyFiles(field) {
            try KeyFileSystem.remove(file)
        }
        try KeyFileSystem.syncDirectory(epochFiles.directory)
    }

    /// Every (epoch, field) key with its state at `now`, oldest epoch first, the hold epoch first.
    public func list(now: Date) throws -> [EpochKeyStatus] {
        let calendar = try calendar()
        let current = calendar.epoch(containing: now)
        var statuses: [EpochKeyStatus] = []
        let epochs = try KeyFileSystem.entries(of: epochsPath).compactMap { UInt32($0) }.sorted()
        for epoch in epochs {
            let epochFiles = files(of: epoch)
            let metadata = try KeyJSON.decode(
                EpochMetadata.self, from: KeyFileSystem.read(epochFiles.metadata), describing: epochFiles.metadata)
            for field in RecordField.allCases {
                var destroyedAt: Date? = nil
                let state: EpochKeyState
                if KeyFileSystem.exists(epochFiles.tombstone(field)) {
                    let record = try KeyJSON.decode(
                        DestructionRecord.self, from: KeyFileSystem.read(epochFiles.tombstone(field)),
                        describing: epochFiles.tombstone(field))
                    destroyedAt = record.destroyedAt
                    state = .destroyed
                } else if !epochFiles.keyFiles(field).allSatisfy(KeyFileSystem.exists) {
                    state = .incomplete
                } else if epoch == SealedField.holdEpoch {
                    state = .hold
                } else if epoch == current {
                    state = .current
                } else {
                    state = epoch > current ? .future : .retired
                }
                statuses.append(
                    EpochKeyStatus(
                        epoch: epoch, field: field, state: state, starts: metadata.starts, ends: metadata.ends,
                        createdAt: metadata.createdAt, destroyedAt: destroyedAt))
            }
        }
        return statuses
    }

    private func requireInitialized() throws {
        guard isInitialized else {
            throw CryptoError(.keyFile, "\(path) is not an initialised key directory; create one with `inbox keys init`")
        }
    }

    private func requirePresent(_ file: String, epoch: UInt32, field: RecordField) throws {
        guard KeyFileSystem.exists(file) else {
            if KeyFileSystem.exists(files(of: epoch).tombstone(field)) {
                throw CryptoError(.keyFile, "the \(field.rawValue) key of epoch \(epoch) has been destroyed")
            }
            throw CryptoError(.keyFile, "the \(field.rawValue) key of epoch \(epoch) does not exist (\(file))")
        }
    }
}
