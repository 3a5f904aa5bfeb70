// `inbox keys init`: set up a new inbox.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCrypto
import InboxStore

struct KeysInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a new inbox: its data directory, the master key and the epoch keys.",
        discussion: """
            The database is created and migrated. The master private key is written to the private key directory as an encrypted PKCS#8 PEM \
            (scrypt, AES-256-CBC) that `openssl pkey -passin file:FILE` can open. The key directory \
            receives the master public key and the keys of the current epoch and the next two. An existing inbox is never replaced.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions

    func run() async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        let settings = environment.settings
        let hierarchy = settings.keyHierarchy
        if hierarchy.keys.isInitialized || hierarchy.privateKeys.hasMasterKey {
            throw CLIError("\(settings.dataDirectory) already holds an inbox; `inbox keys init` never replaces one")
        }
        let passphrase = try PassphraseReader(file: settings.passphraseFile, purpose: "the new master key").new()
        try createPrivateDirectory(settings.dataDirectory)
        let created = try hierarchy.initialize(passphrase: passphrase, calendar: environment.epochCalendar, now: Date())
        let database: String
        switch try environment.inbox.storeLocation {
        case .sqlite(let path):
            database = try SQLiteStore(path: path).path
        case .postgres(let location):
            // Run as the schema's owner; deploy/postgres/roles.sql then grants each role its part.
            let store = try environment.inbox.postgresStore(location, logger: ConfiguredInbox.quietLogger)
            _ = try await store.withRunning { try await store.migrate() }
            database = "\(location.database) on \(location.socketDirectory ?? location.host) (schema created)"
        }

        print("Created a new inbox in \(settings.dataDirectory).")
        print("  master private key: \(hierarchy.privateKeys.masterKeyPath) (encrypted with the passphrase)")
        print("  key directory:      \(hierarchy.keys.path)")
        print("  database:           \(database)")
        print("  epochs:             \(created.map(String.init).joined(separator: ", "))")
        print("Without the passphrase no sealed field can ever be read again: keep it where your agency keeps secrets.")
    }

    private func createPrivateDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError("\(path) exists and is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIError("cannot create the data directory \(path)")
        }
    }
}
