// The composition root: `buildIntakeServer` wires the form, the admin port and the group-commit
// writer into one set of services. The executable and the tests both call it.
import Foundation
import Hummingbird
import HummingbirdCore
import InboxCore
import InboxPolicy
import InboxStore
public import Logging
import NIOCore
public import ServiceLifecycle

public struct IntakeServer: Sendable {
    /// The services to run in one ServiceGroup, in start order; they stop in reverse, so the HTTP
    /// listeners stop accepting before the writer commits what is in flight.
    public let services: [any Service]

    public init(configuration: ServerConfiguration, logger: Logger) throws {
        let metrics = IntakeMetrics()
        let sealer = try IntakeSealer(keys: configuration.keys)
        do {
            try sealer.prepare(for: Date())
        } catch {
            // Start anyway: /healthz and every submission answer 503 until the purge (or `inbox
            // keys init`) creates the key, and then the server carries on without a restart.
            logger.error("no key to seal to yet; answering 503", metadata: ["reason": "\(error)"])
        }
        let writer = GroupCommitWriter(store: configuration.store, metrics: metrics)
        let notices = PageNotices(policy: configuration.policy.policy)

        let router = Router(context: IntakeRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        FormController(
            sealer: sealer, writer: writer, metrics: metrics,
            rateLimiter: configuration.rateLimit.map { RateLimiter(limit: $0) },
            trustedProxies: configuration.trustedProxies, notices: notices, contact: configuration.policy.policy.controller.email,
            space: configuration.dataDirectory.map(DataDirectorySpace.init), logger: logger
        ).addRoutes(to: router)
        let requestTimeout = TimeAmount.nanoseconds(
            configuration.requestTimeout.components.seconds * 1_000_000_000 + configuration.requestTimeout.components.attoseconds
                / 1_000_000_000)
        let publicApp = Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: [
                        RequestReadDeadline(timeout: requestTimeout, onExpiry: { metrics.recordSlowClientClosed() })
                    ],
                    idleTimeout: requestTimeout,
                    // Headers are a few hundred bytes from a browser; 16 KiB is generous and bounds
                    // what a client can make the server hold before the body.
                    httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            logger: logger)

        var services: [any Service] = [writer]
        if let adminPort = configuration.adminPort {
            // Loopback only: health and metrics are for the operator, not the internet.
            let adminRouter = Router()
            AdminController(
                sealer: sealer, store: configuration.store, metrics: metrics,
                space: configuration.dataDirectory.map(DataDirectorySpace.init),
                minimumFreeBytes: configuration.minimumFreeBytes
            ).addRoutes(to: adminRouter)
            services.append(
                Application(
                    router: adminRouter,
                    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: adminPort), serverName: nil),
                    logger: logger))
        }
        services.append(publicApp)
        self.services = services
    }
}
