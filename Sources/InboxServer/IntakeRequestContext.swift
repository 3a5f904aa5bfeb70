// The request context of the public form: the 64 KiB body limit, and the peer's address for the
// rate limit (kept in memory only).
import Hummingbird
import NIOCore

struct IntakeRequestContext: RequestContext {
    /// A 5,000-character question in Cyrillic or Arabic is 30–60 KB once percent-encoded.
    static let maximumBodySize = 64 * 1024

    var coreContext: CoreRequestContextStorage
    let peerAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    var maxUploadSize: Int { Self.maximumBodySize }
}
