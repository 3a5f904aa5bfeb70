// Everything `buildApplication` needs: read by the executable from its settings, or built by a test.
import Foundation
public import InboxCore
public import InboxCrypto
public import InboxStore

public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Nil: no admin listener.
    public var adminPort: Int? = 8081
    /// Requests per period per client on POST /; nil: off (for benchmarks).
    public var rateLimit: RateLimit? = .publicForm
    /// X-Forwarded-For is believed only from these peers.
    public var trustedProxies: Set<String> = []
    /// The agency sites whose pages may post the form (`--allowed-origin`), besides the server's own.
    public var allowedOrigins: Set<WebOrigin> = []
    /// How long a client may take to send a whole request, counted from when the server starts
    /// waiting for it; an idle keep-alive connection is closed after the same time.
    public var requestTimeout: Duration = .seconds(30)
    /// The directory of an embedded store, whose free space and mount the health check watches.
    public var dataDirectory: String? = nil
    /// Below this much free space in `dataDirectory`, /healthz answers 503.
    public var minimumFreeBytes: UInt64 = 256 << 20
    /// Whether SIGHUP makes the sealer read its keys afresh (the executable; not in-process tests,
    /// which share the process's signals).
    public var reloadKeysOnHangup = false
    public var policy: LoadedPolicy
    public var keys: KeyDirectory
    /// The intake node's role only: it inserts, and can do nothing else.
    public var store: any IntakeStore

    public init(policy: LoadedPolicy, keys: KeyDirectory, store: any IntakeStore) {
        self.policy = policy
        self.keys = keys
        self.store = store
    }
}
