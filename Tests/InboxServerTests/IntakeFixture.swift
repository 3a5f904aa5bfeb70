// A real inbox for the in-process HTTP tests: keys made by the key hierarchy, a migrated SQLite
// file and the shipped policy, served by the application `buildApplication` builds, exactly as the
// executable builds it.
import Foundation
import Hummingbird
import InboxCore
import InboxCrypto
import InboxServer
import InboxStore
import InboxTestSupport
import Logging

struct IntakeFixture {
    static let policyPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policy/default.toml").path

    let directory: TemporaryDirectory
    let store: SQLiteStore
    var configuration: ServerConfiguration

    /// An inbox whose keys were made at `created` (by default now, so that the current epoch has
    /// its key), served without an admin listener and without a rate limit unless a test sets one.
    init(keysCreated created: Date = Date()) throws {
        directory = try TemporaryDirectory()
        let hierarchy = KeyHierarchy(
            keys: KeyDirectory(path: "\(directory.path)/keys"), privateKeys: PrivateKeyDirectory(path: "\(directory.path)/private"))
        _ = try hierarchy.initialize(
            passphrase: SecretBytes(copying: Array("correct horse battery staple".utf8)), calendar: .monthly, now: created)
        store = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        configuration = ServerConfiguration(policy: try LoadedPolicy.load(path: Self.policyPath), keys: hierarchy.keys, store: store)
        configuration.adminPort = nil
        configuration.rateLimit = nil
        configuration.dataDirectory = directory.path
    }

    func application() throws -> some ApplicationProtocol {
        var logger = Logger(label: "intake-test")
        logger.logLevel = .critical
        return try buildApplication(configuration, logger: logger)
    }
}
