// The intake server's own settings, resolved as every setting is (the option, then the
// environment, then the configuration file, then the default) and checked: a bad value stops the
// server with the place it was set.
import Foundation
import InboxConfiguration
import InboxServer

struct ListenerSettings {
    /// The options as the command line gave them.
    struct Options {
        var host: String?
        var port: Int?
        var adminPort: String?
        var rateLimit: String?
        var trustedProxies: [String] = []
        var allowedOrigins: [String] = []
        var minimumFreeSpace: String?
        var requestTimeout: String?
    }

    /// Applies every listener setting that is set to `server`.
    static func apply(_ options: Options, layers: SettingLayers, to server: inout ServerConfiguration) throws {
        if let host = layers.value("host", option: options.host, variable: "INBOX_HOST") { server.host = host }
        if let port = layers.setting("port", option: options.port.map(String.init), variable: "INBOX_PORT") {
            server.port = try Self.port(port)
        }
        if let admin = layers.setting("admin-port", option: options.adminPort, variable: "INBOX_ADMIN_PORT") {
            server.adminPort = admin.value == "off" ? nil : try Self.port(admin)
        }
        if let rate = layers.setting("rate-limit", option: options.rateLimit, variable: "INBOX_RATE_LIMIT") {
            if rate.value == "off" {
                server.rateLimit = nil
            } else {
                guard let limit = RateLimit(parsing: rate.value) else {
                    throw rate.invalid("is not N/PERIOD (10/minute, 100/hour, 5/30s) or off")
                }
                server.rateLimit = limit
            }
        }
        if let timeout = layers.setting("request-timeout", option: options.requestTimeout, variable: "INBOX_REQUEST_TIMEOUT") {
            guard let seconds = Double(timeout.value), seconds >= 0.1, seconds <= 3600 else {
                throw timeout.invalid("is not a number of seconds from 0.1 to 3600")
            }
            server.requestTimeout = .milliseconds(Int64(seconds * 1000))
        }
        if let space = layers.setting("min-free-space", option: options.minimumFreeSpace, variable: "INBOX_MIN_FREE_SPACE") {
            guard let mebibytes = UInt64(space.value), mebibytes <= 1 << 30 else { throw space.invalid("is not a number of MiB") }
            server.minimumFreeBytes = mebibytes << 20
        }
        // Repeatable on the command line; a comma-separated list in the environment or the file.
        let proxies =
            options.trustedProxies.isEmpty
            ? layers.value("trusted-proxy", option: nil, variable: "INBOX_TRUSTED_PROXY")?.split(separator: ",").map(String.init) ?? []
            : options.trustedProxies
        server.trustedProxies = Set(proxies.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let origins =
            options.allowedOrigins.isEmpty
            ? layers.value("allowed-origin", option: nil, variable: "INBOX_ALLOWED_ORIGIN")?.split(separator: ",").map(String.init) ?? []
            : options.allowedOrigins
        for text in origins.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
            guard let origin = WebOrigin(parsing: text, forgivingTrailingSlash: true) else {
                throw ConfigurationError(
                    "--allowed-origin \"\(text)\" is not a web origin: write the scheme and the host (and a port if not the default), such as https://www.agency.example"
                )
            }
            server.allowedOrigins.insert(origin)
        }
    }

    static func port(_ setting: Setting) throws -> Int {
        guard let port = Int(setting.value), (1...65535).contains(port) else { throw setting.invalid("is not a port number") }
        return port
    }
}
