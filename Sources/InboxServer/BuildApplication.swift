// The composition root of the intake server: `buildApplication` wires the sealer, the group-commit
// writer, the form's routes and the admin listener into one Hummingbird application. The
// executable runs what it returns; the in-process tests drive the same application through
// HummingbirdTesting, so that what they test is what runs.
import Foundation
public import Hummingbird
import HummingbirdCore
import InboxCore
import InboxPolicy
import InboxStore
public import Logging
import NIOCore
import ServiceLifecycle

/// Builds the intake server. Start-up steps included: the keys of the current epoch are loaded
/// (without them the server starts anyway, and answers 503 until the purge or `inbox keys init`
/// creates them); the writer and the admin listener run as the application's services, which stop
/// after its listener stops accepting, so that what is in flight is committed and answered.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    let metrics = IntakeMetrics()
    let sealer = try IntakeSealer(keys: configuration.keys)
    do {
        try sealer.prepare(for: Date())
    } catch {
        logger.error("no key to seal to yet; answering 503", metadata: ["reason": "\(error)"])
    }
    let writer = GroupCommitWriter(store: configuration.store, metrics: metrics)
    let space = configuration.dataDirectory.map(DataDirectorySpace.init)

    let router = Router(context: IntakeRequestContext.self)
    router.add(middleware: RequestLogMiddleware(logger: logger))
    router.add(middleware: SecurityHeadersMiddleware())
    FormController(
        intake: Intake(sealer: sealer, writer: writer), metrics: metrics,
        rateLimiter: configuration.rateLimit.map { RateLimiter(limit: $0) },
        trustedProxies: configuration.trustedProxies, origins: OriginPolicy(allowed: configuration.allowedOrigins),
        topics: configuration.policy.policy.topics, notices: PageNotices(policy: configuration.policy.policy),
        contact: configuration.policy.policy.controller.email, space: space, logger: logger
    ).addRoutes(to: router)

    // The writer first: services stop in reverse order, after the listener.
    var services: [any Service] = [writer]
    if configuration.reloadKeysOnHangup { services.append(KeyReloader(sealer: sealer, logger: logger)) }
    if let adminPort = configuration.adminPort {
        // Loopback only: health and metrics are for the operator, not the internet.
        let adminRouter = Router()
        AdminController(
            sealer: sealer, store: configuration.store, metrics: metrics, space: space, minimumFreeBytes: configuration.minimumFreeBytes
        ).addRoutes(to: adminRouter)
        services.append(
            Application(
                router: adminRouter,
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: adminPort), serverName: nil),
                logger: logger))
    }

    let timeout = configuration.requestTimeout
    let requestTimeout = TimeAmount.nanoseconds(timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
    return Application(
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
        services: services,
        logger: logger)
}
