// The public routes: the form (GET /), a submission (POST /), the thanks page (GET /thanks) and
// the stylesheet.
import Foundation
import HTTPTypes
import Hummingbird
import InboxCore
import InboxPolicy
import InboxStore
import Logging
import NIOCore

struct FormController: Sendable {
    let sealer: IntakeSealer
    let writer: GroupCommitWriter
    let metrics: IntakeMetrics
    let rateLimiter: RateLimiter?
    let trustedProxies: Set<String>
    let notices: PageNotices
    let logger: Logger

    func addRoutes(to router: Router<IntakeRequestContext>) {
        router.get("/") { request, _ in try self.form(request) }
        router.post("/") { request, context in try await self.submit(request, context: context) }
        router.get("/thanks") { request, _ in self.thanks(request) }
        router.get("/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: PageLayout.stylesheet)))
        }
    }

    private func language(_ request: Request) -> PageLanguage {
        PageLanguage.negotiate(
            query: request.uri.queryParameters["lang"].map(String.init), acceptLanguage: request.headers[.acceptLanguage])
    }

    private func form(_ request: Request) throws -> Response {
        let language = language(request)
        return html(FormPage(language: language, notice: notices[language]).render(), status: .ok)
    }

    private func thanks(_ request: Request) -> Response {
        let reference = request.uri.queryParameters["ref"].flatMap { Reference(parsing: String($0)) }
        return html(ThanksPage(language: language(request), reference: reference).render(), status: reference == nil ? .notFound : .ok)
    }

    private func submit(_ request: Request, context: IntakeRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let language = language(request)
        let wantsJSON = ResponseFormat(accept: request.headers[.accept]) == .json

        if let rateLimiter, let retryAfter = rateLimiter.retryAfter(client: clientKey(request, context: context)) {
            metrics.recordRejected("rate_limited")
            let message =
                language.isSwedish
                ? "För många frågor på kort tid. Försök igen om en stund."
                : "Too many questions in a short time. Please try again in a while."
            var response = wantsJSON ? json(["error": message], status: .tooManyRequests) : plain(message, status: .tooManyRequests)
            response.headers[.retryAfter] = String(retryAfter)
            return response
        }
        // Hummingbird's form decoder would read any body as a form; only a form is one.
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/x-www-form-urlencoded" else {
            metrics.recordRejected("media_type")
            throw HTTPError(.unsupportedMediaType, message: "Send the form as application/x-www-form-urlencoded.")
        }
        let bytes: ByteBuffer
        do {
            bytes = try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            metrics.recordRejected("too_large")
            throw HTTPError(.contentTooLarge, message: "The form may be at most 64 KiB.")
        }
        let form: URLEncodedBody
        do {
            form = try URLEncodedBody(bytes.readableBytesView, fields: ["question", "email", FormPage.honeypotField])
        } catch {
            metrics.recordRejected("malformed")
            throw HTTPError(.badRequest, message: "The form is not validly encoded (percent-encoding or UTF-8).")
        }

        if let trap = form[FormPage.honeypotField], !trap.isEmpty {
            // Answered like a success, so that a bot learns nothing; nothing is stored.
            metrics.recordHoneypot()
            let decoy = try Reference.random()
            return wantsJSON
                ? json(["reference": decoy.text], status: .created)
                : Response.redirect(to: "/thanks?ref=\(decoy.text)&lang=\(language.rawValue)", type: .normal)
        }

        switch SubmissionValidator.validate(question: form["question"], email: form["email"]) {
        case .failure(let errors):
            metrics.recordRejected("invalid")
            if wantsJSON {
                let messages = Dictionary(
                    uniqueKeysWithValues: errors.problems.map { ($0.key.rawValue, $0.value.message(swedish: language.isSwedish)) })
                return json(["errors": messages], status: .unprocessableContent)
            }
            let page = FormPage(
                language: language, notice: notices[language], question: form["question"] ?? "", email: form["email"] ?? "",
                problems: errors.problems)
            return html(page.render(), status: .unprocessableContent)
        case .success(let submission):
            let reference = try Reference.random()
            let sealed: NewSubmission
            do {
                sealed = try sealer.seal(submission, reference: reference, receivedAt: Date())
            } catch let unavailable as IntakeUnavailable {
                metrics.recordRejected("no_key")
                logger.error("a submission was refused: no key to seal it to", metadata: ["reason": "\(unavailable)"])
                throw HTTPError(
                    .serviceUnavailable, headers: [.retryAfter: "300"],
                    message: "The form cannot take questions right now. Nothing was saved; please try again later.")
            }
            do {
                try await writer.submit(sealed)
            } catch {
                metrics.recordRejected("failed")
                // The cause may name files or SQLite codes, never the submission; keep it in the log only.
                logger.error("a submission could not be stored", metadata: ["error": "\(String(describing: type(of: error)))"])
                throw HTTPError(.internalServerError)
            }
            let elapsed = ContinuousClock.now - started
            metrics.recordAccepted(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            var response =
                wantsJSON
                ? json(["reference": reference.text], status: .created)
                : Response.redirect(to: "/thanks?ref=\(reference.text)&lang=\(language.rawValue)", type: .normal)
            response.headers[.xReference] = reference.text
            return response
        }
    }

    /// The rate-limit key: the peer, or behind a trusted proxy the nearest address it forwarded
    /// that is not itself a trusted proxy. A forwarded value that is not an address counts as the
    /// proxy's own, so that garbage cannot open a bucket per request.
    private func clientKey(_ request: Request, context: IntakeRequestContext) -> ClientKey {
        guard let peer = context.peerAddress else { return .unknown }
        let peerKey = ClientKey(address: Substring(peer)) ?? .unknown
        guard trustedProxies.contains(peer), let forwarded = request.headers[.xForwardedFor] else { return peerKey }
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let nearest = hops.last(where: { !trustedProxies.contains($0) }) else { return peerKey }
        return ClientKey(address: Substring(nearest)) ?? peerKey
    }

    private func html(_ page: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    private func plain(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    private func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
