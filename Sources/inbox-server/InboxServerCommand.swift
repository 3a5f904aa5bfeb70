// `inbox-server`: the intake server, the only part the internet sees. It seals and never reads:
// it holds the public keys and the email-index keys, never a private key.
import ArgumentParser
import Foundation
import InboxCLI
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
            Settings come from the command line, then the environment, then the configuration file \
            (host, port, admin-port, rate-limit, trusted-proxy, request-timeout, min-free-space), then the defaults. SIGTERM or SIGINT \
            stops accepting, commits and answers what is in flight, and exits.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "The port of the form (default 8080).") var port: Int?
    @Option(name: .customLong("admin-port"), help: "The loopback port of /healthz and /metrics, or `off` (default 8081).") var adminPort:
        String?
    @Option(name: .customLong("rate-limit"), help: "Submissions per client, such as 10/minute (the default), or `off`.") var rateLimit:
        String?
    @Option(name: .customLong("trusted-proxy"), help: "A reverse proxy whose X-Forwarded-For is believed (repeatable).")
    var trustedProxies: [String] = []
    @Option(
        name: .customLong("min-free-space"),
        help: "MiB of free space below which /healthz answers 503, before the disk is full (default 256).")
    var minimumFreeSpace: String?
    @Option(
        name: .customLong("request-timeout"),
        help: "Seconds a client may take to send a whole request; idle connections close after as long (default 30).")
    var requestTimeout: String?
    @Flag(help: "Create a throwaway inbox when none exists (never in production: INBOX_ENVIRONMENT=production refuses it).")
    var development = false

    func run() async throws {
        var logger = Logger(label: "inbox-server")
        logger.logLevel = .info
        let settings = try InboxSettings(common: common)
        let config = settings.config?.values ?? [:]
        let environment = ProcessInfo.processInfo.environment

        if development {
            guard environment["INBOX_ENVIRONMENT"]?.lowercased() != "production" else {
                throw CLIError("--development is refused: INBOX_ENVIRONMENT says production")
            }
            try DevelopmentInbox.createIfMissing(settings: settings, logger: logger)
        }
        let inbox = try InboxEnvironment(common: common)
        guard inbox.keys.isInitialized else {
            throw CLIError(
                "no master public key in \(inbox.keys.path): create the inbox with `inbox keys init` (or run with --development on a workstation)"
            )
        }
        // The server only reads the key directory: `inbox keys init` and the purge create epochs.
        let store = try SQLiteStore(path: inbox.databasePath)
        let suppressed = try store.erase(SuppressionList(keys: inbox.keys).entries().map(\.reference))
        if !suppressed.isEmpty {
            logger.notice("applied erasures again from the suppression list", metadata: ["count": "\(suppressed.count)"])
        }

        var server = ServerConfiguration(policy: inbox.policy, keys: inbox.keys, store: store)
        server.host = host ?? config["host"] ?? server.host
        if let port = try Self.port(port.map(String.init) ?? config["port"], name: "--port") { server.port = port }
        let adminSetting: String? = adminPort ?? config["admin-port"]
        switch adminSetting {
        case "off": server.adminPort = nil
        case let text?: server.adminPort = try Self.port(text, name: "--admin-port")
        case nil: break
        }
        let rateSetting: String? = rateLimit ?? config["rate-limit"]
        switch rateSetting {
        case "off": server.rateLimit = nil
        case let text?:
            guard let limit = RateLimit(parsing: text) else {
                throw ValidationError("--rate-limit \(text) is not N/PERIOD (10/minute, 100/hour, 5/30s) or off")
            }
            server.rateLimit = limit
        case nil: break
        }
        if let text = requestTimeout ?? config["request-timeout"] {
            guard let seconds = Double(text), seconds >= 0.1, seconds <= 3600 else {
                throw ValidationError("--request-timeout \(text) is not a number of seconds from 0.1 to 3600")
            }
            server.requestTimeout = .milliseconds(Int64(seconds * 1000))
        }
        server.dataDirectory = inbox.settings.dataDirectory
        if let text = minimumFreeSpace ?? config["min-free-space"] {
            guard let mebibytes = UInt64(text), mebibytes <= 1 << 30 else {
                throw ValidationError("--min-free-space \(text) is not a number of MiB")
            }
            server.minimumFreeBytes = mebibytes << 20
        }
        server.trustedProxies = Set(
            trustedProxies + (config["trusted-proxy"]?.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } ?? []))

        let intake = try IntakeServer(configuration: server, logger: logger)
        logger.info(
            "listening",
            metadata: [
                "form": "http://\(server.host):\(server.port)", "admin": "\(server.adminPort.map { "http://127.0.0.1:\($0)" } ?? "off")",
            ])
        let group = ServiceGroup(
            configuration: .init(services: intake.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    static func port(_ text: String?, name: String) throws -> Int? {
        guard let text else { return nil }
        guard let port = Int(text), (1...65535).contains(port) else { throw ValidationError("\(name) \(text) is not a port number") }
        return port
    }
}
