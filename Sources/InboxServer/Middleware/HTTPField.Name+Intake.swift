// Header names that swift-http-types does not predefine. Each is a literal that is a valid token,
// so the unwrap cannot fail; no name here is ever built from a request.
import HTTPTypes

extension HTTPField.Name {
    // swift-format-ignore: NeverForceUnwrap
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    // swift-format-ignore: NeverForceUnwrap
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    // swift-format-ignore: NeverForceUnwrap
    static let permissionsPolicy = HTTPField.Name("Permissions-Policy")!
    // swift-format-ignore: NeverForceUnwrap
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
}

extension HTTPField.Name {
    /// Fetch Metadata: "cross-site" when a browser sends a request another site started.
    // swift-format-ignore: NeverForceUnwrap
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
