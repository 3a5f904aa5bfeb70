// `inbox-server`: the intake server, the only part the internet sees. It seals and never reads:
// it holds the public keys and the email-index keys, never a private key.
import ArgumentParser
import Foundation
import Glibc
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxServer
import InboxStore
import Logging
import ServiceLifecycle
import UnixSignals

@main
struct InboxServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox-server",
        abstract: "Serve the citizens' contact form: seal each submission and store it durably.",
        discussion: """
            Settings come from the command line, then the environment (INBOX_HOST, INBOX_PORT, INBOX_ADMIN_PORT, \
            INBOX_RATE_LIMIT, INBOX_TRUSTED_PROXY, INBOX_ALLOWED_ORIGIN, INBOX_REQUEST_TIMEOUT, INBOX_MIN_FREE_SPACE, and the paths' \
            INBOX_DATA_DIR, INBOX_KEY_DIR, INBOX_POLICY, INBOX_CONFIG), then the configuration file (the option's \
            name without dashes), then the defaults. SIGTERM or SIGINT stops accepting, commits and answers what is \
            in flight, and exits.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The address to listen on (env INBOX_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "The port of the form (env INBOX_PORT, default 8080).") var port: Int?
    @Option(
        name: .customLong("admin-port"), help: "The loopback port of /healthz and /metrics, or `off` (env INBOX_ADMIN_PORT, default 8081).")
    var adminPort: String?
    @Option(
        name: .customLong("rate-limit"), help: "Submissions per client, such as 10/minute (the default), or `off` (env INBOX_RATE_LIMIT).")
    var rateLimit: String?
    @Option(
        name: .customLong("trusted-proxy"),
        help: "A reverse proxy whose X-Forwarded-For is believed (repeatable; env INBOX_TRUSTED_PROXY, comma-separated).")
    var trustedProxies: [String] = []
    @Option(
        name: .customLong("allowed-origin"),
        help:
            "An agency site whose pages may post the form, such as https://www.agency.example (repeatable; env INBOX_ALLOWED_ORIGIN, comma-separated; docs/EMBEDDING.md)."
    )
    var allowedOrigins: [String] = []
    @Option(
        name: .customLong("min-free-space"),
        help: "MiB of free space below which /healthz answers 503, before the disk is full (env INBOX_MIN_FREE_SPACE, default 256).")
    var minimumFreeSpace: String?
    @Option(
        name: .customLong("request-timeout"),
        help:
            "Seconds a client may take to send a whole request; idle connections close after as long (env INBOX_REQUEST_TIMEOUT, default 30)."
    )
    var requestTimeout: String?
    @Flag(help: "Create a throwaway inbox when none exists (never in production: INBOX_ENVIRONMENT=production refuses it).")
    var development = false

    func run() async throws {
        // A SIGHUP before the key reloader listens (during the schema check, say) must not end
        // the server, which is what it does by default.
        signal(SIGHUP, SIG_IGN)
        // The stream handler's lines, cheaper to write (LineLogHandler); standard error, as before.
        LoggingSystem.bootstrap { label in LineLogHandler(label: label) }
        var logger = Logger(label: "inbox-server")
        logger.logLevel = .info
        let settings = try InboxSettings(common: common)
        let environment = ProcessInfo.processInfo.environment

        if development {
            guard environment["INBOX_ENVIRONMENT"]?.lowercased() != "production" else {
                throw ConfigurationError("--development is refused: INBOX_ENVIRONMENT says production")
            }
            try DevelopmentInbox.createIfMissing(settings: settings, logger: logger)
        }
        let inbox = try ConfiguredInbox(settings: settings)
        guard inbox.keys.isInitialized else {
            throw ConfigurationError(
                "no master public key in \(inbox.keys.path): create the inbox with `inbox keys init` (or run with --development on a workstation)"
            )
        }
        // The server only reads the key directory (`inbox keys init` and the purge create epochs)
        // and only inserts into the store: erasures applied again after a restore are the purge's
        // and `inbox audit restore`'s to make.
        let store: any IntakeStore
        var storeServices: [any Service] = []
        switch try inbox.storeLocation {
        case .sqlite(let path):
            store = try SQLiteStore(path: path)
        case .postgres(let location):
            var databaseLogger = logger
            databaseLogger.logLevel = .warning
            // The schema first, on a pool of its own: a node never writes to a schema it does not know.
            let check = try inbox.postgresStore(location, logger: databaseLogger)
            try await check.withRunning { try await check.checkSchema() }
            let postgres = try inbox.postgresStore(location, logger: databaseLogger)
            store = postgres
            storeServices = [postgres]
        }

        var server = ServerConfiguration(policy: inbox.policy, keys: inbox.keys, store: store)
        server.reloadKeysOnHangup = true
        // The free space and the mount the health check watches are the embedded database's.
        if store is SQLiteStore { server.dataDirectory = settings.dataDirectory }
        try ListenerSettings.apply(
            ListenerSettings.Options(
                host: host, port: port, adminPort: adminPort, rateLimit: rateLimit, trustedProxies: trustedProxies,
                allowedOrigins: allowedOrigins,
                minimumFreeSpace: minimumFreeSpace, requestTimeout: requestTimeout),
            layers: settings.layers, to: &server)

        let application = try buildApplication(server, logger: logger)
        logger.info(
            "listening",
            metadata: [
                "form": "http://\(server.host):\(server.port)", "admin": "\(server.adminPort.map { "http://127.0.0.1:\($0)" } ?? "off")",
            ])
        // The database's pool starts first and stops last, after the writer has committed.
        let group = ServiceGroup(
            configuration: .init(services: storeServices + [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
