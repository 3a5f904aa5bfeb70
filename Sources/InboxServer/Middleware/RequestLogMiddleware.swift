// One log line per request: method, path, status, reference (when one was issued) and duration.
// Never a client address, an email address, question text or a query string.
import HTTPTypes
import Hummingbird
import InboxStore
import Logging

struct RequestLogMiddleware: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: IntakeRequestContext, next: (Request, IntakeRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, reference: nil, since: start)
            throw error
        }
        log(request, status: response.status.code, reference: context.issued.reference?.text, since: start)
        return response
    }

    private func log(_ request: Request, status: Int, reference: String?, since start: ContinuousClock.Instant) {
        // Nothing is formatted for a line that would not be written.
        guard logger.logLevel <= .info else { return }
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
            "ms": "\(Self.milliseconds(ContinuousClock.now - start))",
        ]
        if let reference { metadata["reference"] = "\(reference)" }
        logger.info("request", metadata: metadata)
    }

    /// "12.34": milliseconds with two decimals, rounded, without Foundation's `String(format:)`
    /// (about 2 µs of a request).
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
