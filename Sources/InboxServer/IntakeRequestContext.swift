// The request context of the public form: the 64 KiB body limit, the peer's address for the
// rate limit (kept in memory only), and the reference a submission was given, for the request log.
import Hummingbird
import InboxStore
import NIOCore
import Synchronization

struct IntakeRequestContext: RequestContext {
    /// A 5,000-character question in Cyrillic or Arabic is 30–60 KB once percent-encoded.
    static let maximumBodySize = 64 * 1024

    var coreContext: CoreRequestContextStorage
    /// The peer, read when the request arrives: NIO forgets it once the connection closes, and a
    /// client that sends its form and drops the connection must still be counted as itself.
    private let remoteAddress: SocketAddress?
    /// Shared by every copy of this context: the handler records, the log middleware reads.
    let issued = IssuedReference()

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's address as text, formatted when asked (only the rate limit asks), not for every
    /// request.
    var peerAddress: String? { remoteAddress?.ipAddress }

    var maxUploadSize: Int { Self.maximumBodySize }
}
