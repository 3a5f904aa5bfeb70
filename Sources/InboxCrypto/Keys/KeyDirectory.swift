// The key directory (`--key-dir`, default DATA_DIR/keys): the master public key, every epoch's and
// every hold's keys, and the small files that must survive a database restore (the suppression and
// release lists, the log anchors). Nothing in it opens a field without the master private key,
// which lives elsewhere. The intake server only reads it; staff commands and the purge change it,
// holding its lock.
import Foundation

public struct KeyDirectory: Sendable {
    /// `key-directory.json`: written last by `inbox keys init`, so its presence means a complete
    /// key directory.
    struct Manifest: Codable {
        let format: Int
        let monthsPerEpoch: Int
        let createdAt: Date
        /// Set in an intake bundle (`inbox keys export-intake`): public and index keys of the
        /// current and future epochs only, for intake nodes.
        var intakeBundle: Bool? = nil

        enum CodingKeys: String, CodingKey {
            case format
            case monthsPerEpoch = "months_per_epoch"
            case createdAt = "created_at"
            case intakeBundle = "intake_bundle"
        }
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    var manifestPath: String { "\(path)/key-directory.json" }
    var masterPublicKeyPath: String { "\(path)/master.pub.pem" }
    var epochsPath: String { "\(path)/epochs" }
    var holdsPath: String { "\(path)/holds" }

    /// Where the keys named by a sealed field's header live: a calendar epoch under `epochs/`, a
    /// hold under `holds/` (the legacy hold epoch 0 under `epochs/`, where it was created).
    func files(of epoch: UInt32) -> EpochKeyFiles {
        let isHold = SealedField.isHoldKey(epoch) && epoch != SealedField.legacyHoldEpoch
        return EpochKeyFiles(directory: "\(isHold ? holdsPath : epochsPath)/\(epoch)")
    }

    /// Whether `inbox keys init` has completed here.
    public var isInitialized: Bool { KeyFileSystem.exists(manifestPath) }

    /// Writes the master public key and the manifest of a new key directory.
    func create(masterPublicKey: MasterPublicKey, calendar: EpochCalendar, now: Date) throws {
        try KeyFileSystem.createDirectory(path)
        try KeyFileSystem.createDirectory(epochsPath)
        try KeyFileSystem.createDirectory(holdsPath)
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

    // MARK: The lock and the directory's own files

    /// Runs `body` holding the key directory's exclusive lock. Reentrant within a task.
    public func withExclusiveLock<T>(_ body: () throws -> T) throws -> T {
        try requireInitialized()
        return try KeyDirectoryLock.withLock(directory: path, body)
    }

    /// Runs asynchronous `body` holding the key directory's exclusive lock; waiting suspends the
    /// task. Reentrant within a task, and with the synchronous form.
    public func withExclusiveLock<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
        try requireInitialized()
        return try await KeyDirectoryLock.withLock(directory: path, body)
    }

    /// The bytes of a file of the key directory itself (`suppression.log`, `audit.anchor`), or
    /// nil when there is none yet.
    public func readFile(named name: String) throws -> [UInt8]? {
        let file = "\(path)/\(name)"
        guard KeyFileSystem.exists(file) else { return nil }
        return try KeyFileSystem.read(file)
    }

    /// Replaces a file of the key directory whole: a unique temporary name, fsync, rename, fsync of
    /// the directory. Readers see the old file or the new one, never a part. Call it holding the
    /// lock when the new bytes depend on the old.
    public func replaceFile(named name: String, with bytes: [UInt8]) throws {
        try KeyFileSystem.write(bytes, to: "\(path)/\(name)", replacing: true)
    }

    // MARK: Keys

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

    /// The HMAC-SHA256 key of `epoch`'s email index, read straight into zeroed memory.
    public func indexKey(epoch: UInt32) throws -> SecretBytes {
        let file = files(of: epoch).indexKey
        try requirePresent(file, epoch: epoch, field: .email)
        let key = try KeyFileSystem.readSecret(file, maximum: HMACSHA256.byteCount)
        guard key.count == HMACSHA256.byteCount else { throw CryptoError(.keyFile, "\(file) is not a 32-byte index key") }
        return key
    }

    /// Whether every file of the `(epoch, field)` key is still there: the server asks before each
    /// seal, so that it never acknowledges a field sealed to a key that is being destroyed. In an
    /// intake bundle, which never holds a private half, the public key (and for email the index
    /// key) is the whole key.
    public func hasCompleteKey(epoch: UInt32, field: RecordField, intakeBundle: Bool = false) -> Bool {
        let files = files(of: epoch)
        if intakeBundle {
            return KeyFileSystem.exists(files.publicKey(field)) && (field != .email || KeyFileSystem.exists(files.indexKey))
        }
        let presence = files.presence(field)
        return presence.present == presence.of
    }

    /// Whether this is an intake bundle rather than a full key directory.
    public var isIntakeBundle: Bool {
        get throws {
            try requireInitialized()
            return try KeyJSON.decode(Manifest.self, from: KeyFileSystem.read(manifestPath), describing: manifestPath).intakeBundle == true
        }
    }

    /// Whether `epoch`'s email index key is still there (a destruction that has not finished may
    /// have left it: an erasure request should still find what it indexes).
    public func hasIndexKey(epoch: UInt32) -> Bool {
        KeyFileSystem.exists(files(of: epoch).indexKey)
    }

    func requireInitialized() throws {
        guard isInitialized else {
            throw CryptoError(.keyFile, "\(path) is not an initialised key directory; create one with `inbox keys init`")
        }
    }

    private func requirePresent(_ file: String, epoch: UInt32, field: RecordField) throws {
        guard KeyFileSystem.exists(file) else {
            let kind = SealedField.isHoldKey(epoch) ? "hold key \(epoch)" : "epoch \(epoch)"
            if KeyFileSystem.exists(files(of: epoch).directory) {
                throw CryptoError(.keyFile, "the \(field.rawValue) key of \(kind) has been destroyed")
            }
            throw CryptoError(.keyFile, "the \(field.rawValue) key of \(kind) does not exist (\(file))")
        }
    }
}
