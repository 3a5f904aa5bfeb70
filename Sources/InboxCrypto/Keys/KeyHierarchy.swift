// The key operations of `inbox keys`: create a new inbox's keys, open the master key, change its
// passphrase, open an epoch key. Everything else reads the two directories directly.
public import Foundation

public struct KeyHierarchy: Sendable {
    public let keys: KeyDirectory
    public let privateKeys: PrivateKeyDirectory

    public init(keys: KeyDirectory, privateKeys: PrivateKeyDirectory) {
        self.keys = keys
        self.privateKeys = privateKeys
    }

    /// Creates the master key, the key directory and the epochs from now to two ahead, plus the
    /// hold epoch. Refuses to touch an existing inbox. Returns the epochs created.
    public func initialize(passphrase: SecretBytes, calendar: EpochCalendar, now: Date) throws -> [UInt32] {
        guard !keys.isInitialized, !KeyFileSystem.exists(keys.masterPublicKeyPath) else {
            throw CryptoError(.alreadyExists, "\(keys.path) already holds an inbox's keys; `inbox keys init` never replaces them")
        }
        guard !privateKeys.hasMasterKey else {
            throw CryptoError(
                .alreadyExists,
                "\(privateKeys.masterKeyPath) already exists; if an earlier `inbox keys init` was interrupted, remove it and try again")
        }
        try NewPassphrase.validate(passphrase)
        let master = try MasterPrivateKey.generate()
        // The private key first: a key directory is never published without a master key that opens it.
        try privateKeys.create(master, passphrase: passphrase)
        try keys.create(masterPublicKey: master.publicKey, calendar: calendar, now: now)
        return try keys.createMissingEpochs(now: now)
    }

    /// Opens the master key and checks that it belongs to this key directory.
    public func openMasterKey(passphrase: SecretBytes) throws -> MasterPrivateKey {
        let master = try privateKeys.openMasterKey(passphrase: passphrase)
        guard master.publicKey == (try keys.masterPublicKey()) else {
            throw CryptoError(.keyFile, "\(privateKeys.masterKeyPath) is not the master key of \(keys.path)")
        }
        return master
    }

    /// Re-encrypts the master key, opened with its current passphrase, under `newPassphrase`;
    /// the keys themselves do not change.
    public func changePassphrase(of master: MasterPrivateKey, to newPassphrase: SecretBytes) throws {
        try NewPassphrase.validate(newPassphrase)
        guard master.publicKey == (try keys.masterPublicKey()) else {
            throw CryptoError(.keyFile, "that master key does not belong to \(keys.path)")
        }
        try privateKeys.replace(master, passphrase: newPassphrase)
    }

    /// Opens a stored field: the epoch key its header names, opened with the master key, opens it
    /// under its own reference and field name.
    public func openField(_ bytes: Data, reference: String, field: RecordField, master: MasterPrivateKey) throws -> SecretBytes {
        let sealed = try SealedField(bytes: bytes)
        return try openEpochKey(epoch: sealed.epoch, field: field, master: master).open(sealed, reference: reference, field: field)
    }

    /// Opens the private half of `(epoch, field)` with the master key.
    public func openEpochKey(epoch: UInt32, field: RecordField, master: MasterPrivateKey) throws -> EpochPrivateKey {
        let published = try keys.publicKey(epoch: epoch, field: field)
        return try master.open(keys.sealedPrivateKey(epoch: epoch, field: field), matching: published)
    }
}
