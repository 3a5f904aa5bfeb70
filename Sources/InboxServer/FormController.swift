// The public routes: the form (GET /), a submission (POST /), the thanks page (GET /thanks) and
// the stylesheet.
import Foundation
import Glibc
import HTTPTypes
import Hummingbird
import InboxCore
import InboxPolicy
import InboxStore
import Logging
import NIOCore
import NIOPosix

// Parses the request, calls the intake, and renders what came of it: the use case itself
// (validation, sealing, the durable write) lives in InboxCore's `Intake`.
struct FormController: Sendable {
    let intake: Intake
    let metrics: IntakeMetrics
    let rateLimiter: RateLimiter?
    let trustedProxies: Set<String>
    /// The agency pages that may post the form besides the server's own.
    let origins: OriginPolicy
    /// The policy's topics, offered on the form when there are any.
    let topics: [Topic]
    let notices: PageNotices
    /// Where a citizen can write when the form cannot take their question (the policy's controller).
    let contact: String
    /// The data directory's file system, asked what is wrong when a write fails (SQLite calls a
    /// full disk and a read-only one both an I/O error); nil for a database elsewhere.
    let space: DataDirectorySpace?
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
        return html(FormPage(language: language, notice: notices[language], topics: topics).render(), status: .ok)
    }

    private func thanks(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let reference = query["ref"].flatMap { Reference(parsing: String($0)) }
        // The way back is checked again here: a link made from the query alone would be an open
        // redirect for anyone who sends a citizen a crafted thanks page.
        var back: String?
        if let from = query["from"].flatMap({ WebOrigin(parsing: String($0)) }), origins.allowed.contains(from),
            let page = PagePath.accept(query["page"].map(String.init))
        {
            back = from.serialized + page
        }
        return html(
            ThanksPage(language: language(request), reference: reference, back: back).render(), status: reference == nil ? .notFound : .ok)
    }

    private func submit(_ request: Request, context: IntakeRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let language = language(request)
        let wantsJSON = ResponseFormat(accept: request.headers[.accept]) == .json

        // Hummingbird's form decoder would read any body as a form; only a form is one.
        guard request.headers[.contentType].map(Self.mediaType(of:)) == "application/x-www-form-urlencoded" else {
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
            form = try URLEncodedBody(bytes.readableBytesView, fields: ["question", "email", "topic", "page", FormPage.honeypotField])
        } catch {
            metrics.recordRejected("malformed")
            throw HTTPError(.badRequest, message: "The form is not validly encoded (percent-encoding or UTF-8).")
        }

        // Where it came from and what about: a value that is not a path or a topic is dropped,
        // never an error (the citizen did not type it).
        let origin = SubmissionOrigin(
            topic: form["topic"].flatMap { name in topics.first { $0.name == name }?.name }, page: PagePath.accept(form["page"]))
        let from = origins.verdict(
            origin: request.headers[.origin], fetchSite: request.headers[.secFetchSite], host: request.head.authority)
        if from == .refused {
            metrics.recordRejected("origin")
            return refuseForeignOrigin(form: form, origin: origin, language: language, wantsJSON: wantsJSON)
        }

        // After the body is read, so that a citizen who is refused gets their question back.
        if let rateLimiter, let retryAfter = rateLimiter.retryAfter(client: clientKey(request, context: context)) {
            return refuse(.rateLimited(retryAfter: retryAfter), form: form, language: language, wantsJSON: wantsJSON)
        }

        // A filled trap is answered like any submission, so that a bot learns nothing, and stored
        // as spam: it is a public record all the same, kept and destroyed by the policy's rule.
        let isSpam = !(form[FormPage.honeypotField] ?? "").isEmpty
        if isSpam { metrics.recordHoneypot() }

        let outcome: Intake.Outcome
        do {
            outcome = try await intake.submit(
                question: form["question"], email: form["email"], language: CaseLanguage(rawValue: language.rawValue), origin: origin,
                isSpam: isSpam)
        } catch let unavailable as IntakeUnavailable {
            logger.error("a submission was refused: no key to seal it to", metadata: ["reason": "\(unavailable)"])
            return refuse(.noKey, form: form, language: language, wantsJSON: wantsJSON)
        } catch is GroupCommitWriter.Stopped {
            return refuse(.shuttingDown, form: form, language: language, wantsJSON: wantsJSON)
        } catch let error as StoreError {
            let condition = await diagnose(error)
            // The condition, never the submission; the cause stays out of the log too.
            logger.error("a submission could not be stored", metadata: ["condition": "\(condition.logName)"])
            return refuse(.store(condition), form: form, language: language, wantsJSON: wantsJSON)
        }
        switch outcome {
        case .invalid(let errors):
            metrics.recordRejected("invalid")
            if wantsJSON {
                let messages = Dictionary(
                    uniqueKeysWithValues: errors.problems.map { ($0.key.rawValue, $0.value.message(swedish: language.isSwedish)) })
                return json(["errors": messages], status: .unprocessableContent)
            }
            let page = FormPage(
                language: language, notice: notices[language], topics: topics, question: form["question"] ?? "",
                email: form["email"] ?? "", origin: origin, problems: errors.problems)
            return html(page.render(), status: .unprocessableContent)
        case .stored(let reference):
            let elapsed = ContinuousClock.now - started
            metrics.recordAccepted(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            context.issued.record(reference)
            if wantsJSON { return json(["reference": reference.text], status: .created) }
            var location = "/thanks?ref=\(reference.text)&lang=\(language.rawValue)"
            if case .allowed(let site) = from, let page = origin.page {
                location += "&from=\(Self.queryEncoded(site.serialized))&page=\(Self.queryEncoded(page))"
            }
            return Response.redirect(to: location, type: .normal)
        }
    }

    /// The media type of a Content-Type value, lowercased, without parameters or the spaces and
    /// tabs HTTP allows around it ("Application/X-WWW-Form-Urlencoded ; charset=UTF-8" gives
    /// "application/x-www-form-urlencoded"). Without Foundation's trimming, which bridges the
    /// string and was 1 % of a submission's CPU.
    static func mediaType(of contentType: String) -> String {
        var essence = contentType.prefix { $0 != ";" }
        while let first = essence.first, first == " " || first == "\t" { essence.removeFirst() }
        while let last = essence.last, last == " " || last == "\t" { essence.removeLast() }
        return essence.lowercased()
    }

    /// A value for a query string: everything but unreserved characters percent-encoded.
    static func queryEncoded(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return encoded
    }

    /// A form posted from a site that may not embed it: 403, with the question kept on a form of
    /// this server's own. Not the address: another site could have filled it in, and a citizen who
    /// sent the form on from here would have the answer go to whoever chose it.
    private func refuseForeignOrigin(form: URLEncodedBody, origin: SubmissionOrigin, language: PageLanguage, wantsJSON: Bool) -> Response {
        let sv = language.isSwedish
        let message =
            sv
            ? "Formuläret skickades från en annan webbplats, som inte får använda det, så inget sparades. Frågan som skickades står nedan: läs den, fyll i din e-postadress igen om du vill ha svar via e-post, och skicka den härifrån om den är din."
            : "The form was sent from another website, which may not use it, so nothing was kept. The question that was sent is below: read it, fill in your email address again if you want an answer by email, and send it from here if it is yours."
        if wantsJSON { return json(["error": message], status: .forbidden) }
        let page = FormPage(
            language: language, notice: notices[language], topics: topics, question: form["question"] ?? "",
            origin: SubmissionOrigin(topic: origin.topic),
            refusal: (sv ? "Din fråga skickades inte" : "Your question was not sent", message))
        return html(page.render(), status: .forbidden)
    }

    /// What made a write fail, in the terms the citizen's message and the operator's log use. When
    /// the store can only say "I/O error", the file system is asked with a write of its own, on
    /// the thread pool (it waits for fdatasync). Any other error (sealing, say) is not the
    /// store's: it is left to become a 500 and is logged without the submission.
    private func diagnose(_ error: StoreError) async -> StoreError.Condition {
        let condition = error.condition
        guard condition == .ioError || condition == .other, let space,
            let failure = try? await NIOThreadPool.singleton.runIfActive({ space.probeWrite() })
        else { return condition }
        switch failure {
        case ENOSPC, EDQUOT: return .full
        case EROFS: return .readOnly
        default: return .ioError
        }
    }

    /// The answer to a valid submission that could not be taken: the form again with what the
    /// citizen wrote and why, or for a JSON client the reason and when to try again.
    private func refuse(_ refusal: SubmissionRefusal, form: URLEncodedBody, language: PageLanguage, wantsJSON: Bool) -> Response {
        metrics.recordRefused(refusal.metricReason)
        let message = refusal.message(language, contact: contact)
        var response: Response
        if wantsJSON {
            struct Body: Encodable {
                let error: String
                let retryAfter: Int
                enum CodingKeys: String, CodingKey {
                    case error
                    case retryAfter = "retry_after"
                }
            }
            response = json(Body(error: message, retryAfter: refusal.retryAfter), status: refusal.status)
        } else {
            let page = FormPage(
                language: language, notice: notices[language], topics: topics, question: form["question"] ?? "",
                email: form["email"] ?? "", origin: SubmissionOrigin(topic: form["topic"], page: PagePath.accept(form["page"])),
                refusal: (refusal.title(language), message))
            response = html(page.render(), status: refusal.status)
        }
        response.headers[.retryAfter] = String(refusal.retryAfter)
        return response
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

    private func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension String {
    /// Two hex digits: "0A", not "A".
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
