// The private key directory (`--private-key-dir`, default DATA_DIR/private): the master private key
// as an encrypted PKCS#8 PEM. In deployment it lies outside the intake server's reach.
import Foundation

public struct PrivateKeyDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var masterKeyPath: String { "\(path)/master.key.pem" }

    public var hasMasterKey: Bool { KeyFileSystem.exists(masterKeyPath) }

    /// Writes a new master key; an existing one is never overwritten.
    func create(_ master: MasterPrivateKey, passphrase: SecretBytes) throws {
        try KeyFileSystem.createDirectory(path)
        try KeyFileSystem.write(EncryptedPrivateKeyPEM.encode(master.key, passphrase: passphrase), to: masterKeyPath, replacing: false)
    }

    /// Opens the master key: the one expensive passphrase check of a command.
    public func openMasterKey(passphrase: SecretBytes) throws -> MasterPrivateKey {
        // Before any private key is in memory: no core dump, no ptrace by same-user processes.
        try ProcessHardening.disableDumping()
        var status = stat()
        guard lstat(masterKeyPath, &status) == 0 else {
            guard errno == ENOENT else {
                // Most often EACCES: a deployment keeps the key from the service account on purpose.
                throw CryptoError(
                    .keyFile,
                    "cannot reach the master key at \(masterKeyPath): \(String(cString: strerror(errno))); run the command as a user or group that may read \(path)"
                )
            }
            throw CryptoError(.keyFile, "no master key at \(masterKeyPath); create one with `inbox keys init` or pass --private-key-dir")
        }
        try FileMode.checkPrivate(path)
        let pem = try KeyFileSystem.read(masterKeyPath)
        return MasterPrivateKey(key: try EncryptedPrivateKeyPEM.decode(pem, passphrase: passphrase, describing: masterKeyPath))
    }

    /// Re-encrypts the master key under a new passphrase, replacing the file atomically.
    func replace(_ master: MasterPrivateKey, passphrase: SecretBytes) throws {
        try KeyFileSystem.write(EncryptedPrivateKeyPEM.encode(master.key, passphrase: passphrase), to: masterKeyPath, replacing: true)
    }
}
