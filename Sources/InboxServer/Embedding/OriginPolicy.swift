// Which pages may post the form: the server's own, and the agency's sites named with
// `--allowed-origin`. A browser says where a POST comes from in `Origin` (and, without it, in
// `Sec-Fetch-Site`); a form posted from any other site is refused with 403, so that another site
// cannot make its visitors' browsers file questions here. Clients that are not browsers send
// neither header and are let through: they could forge either.
import HTTPTypes

struct OriginPolicy: Sendable {
    enum Verdict: Equatable {
        /// From the server's own pages, or a client that is not a browser.
        case ownOrUnknown
        /// From an agency page that may embed the form.
        case allowed(WebOrigin)
        case refused
    }

    let allowed: Set<WebOrigin>

    /// `host` is the request's Host (the authority the browser asked for): an `Origin` with the
    /// same authority is the server's own, whatever the scheme a proxy in front terminated.
    func verdict(origin: String?, fetchSite: String?, host: String?) -> Verdict {
        let site = fetchSite?.lowercased()
        guard let origin else { return site == "cross-site" ? .refused : .ownOrUnknown }
        // A page whose referrer policy is `no-referrer` makes its browser send "null"; the browser
        // still says, in a header no page can set, whether the request is its own site's.
        if origin == "null" { return site == "same-origin" ? .ownOrUnknown : .refused }
        guard let parsed = WebOrigin(parsing: origin) else { return .refused }
        if allowed.contains(parsed) { return .allowed(parsed) }
        guard let host, let own = WebOrigin(parsing: "\(parsed.scheme)://\(host)") else { return .refused }
        // A proxy that passes the host without its port (nginx's `$host`) leaves only the names to
        // compare; otherwise the whole authority must agree. The scheme is not compared: a proxy in
        // front terminates TLS, and the server sees plain HTTP either way.
        return own == parsed || (!host.contains(":") && own.hostname == parsed.hostname) ? .ownOrUnknown : .refused
    }
}
