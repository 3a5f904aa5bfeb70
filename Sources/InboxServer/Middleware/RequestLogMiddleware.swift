// One log line per request: method, path, status, reference (when one was issued) and duration.
// Never a client address, an email address, question text or a query string.
import Foundation
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
        let duration = ContinuousClock.now - start
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(status)",
            "ms": "\(String(format: "%.2f", milliseconds))",
        ]
        if let reference { metadata["reference"] = "\(reference)" }
        logger.info("request", metadata: metadata)
    }
}
