// The headers every response carries: a strict Content-Security-Policy (no scripts, styles only
// from /style.css, forms only to ourselves, no framing), no MIME sniffing, no referrer to another site, no powerful
// features, and no caching of anything.
import HTTPTypes
import Hummingbird

struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        // `same-origin`, not `no-referrer`: nothing leaves for another site, and the form's own
        // POST carries its real Origin (under `no-referrer` a browser sends `Origin: null`, which
        // the origin check could not tell from a site that hides itself).
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        // Pages can carry a citizen's own question back to them: never keep them in a cache.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
