// Random bytes for identifiers that must be unguessable but are not secret (a citizen's
// reference), drawn from OpenSSL's CSPRNG a page at a time and handed out in order, each byte
// once. A RAND_bytes call costs about 0.6 µs for a few bytes (a lock, a fork check, the DRBG's
// update) and about 1.2 µs for a 4 KB page, and a reference needs nine bytes: one call in 455
// instead of one per submission.
//
// Not for keys, salts or nonces (SecureRandom): these bytes sit in ordinary memory until used,
// which is why the type is visible to this package only. A process that forked would hand the
// same bytes out in both halves; nothing here forks without exec, and a duplicate reference would
// be refused by the store and drawn again.
import Synchronization

package final class RandomReserve: Sendable {
    package static let shared = RandomReserve(pageByteCount: 4096)

    private struct Page {
        var bytes: [UInt8]
        var next: Int
    }

    private let page: Mutex<Page>
    private let pageByteCount: Int
    /// Where pages come from: OpenSSL's CSPRNG; a test gives a counter to check what is handed out.
    private let source: @Sendable (UnsafeMutableRawBufferPointer) throws -> Void

    init(pageByteCount: Int, source: @escaping @Sendable (UnsafeMutableRawBufferPointer) throws -> Void = SecureRandom.fill) {
        self.pageByteCount = pageByteCount
        self.source = source
        // Empty: the first draw fills it.
        page = Mutex(Page(bytes: [UInt8](repeating: 0, count: pageByteCount), next: pageByteCount))
    }

    /// Fills `buffer` with bytes no other call was given. A draw larger than a page comes from the
    /// source directly; the end of a page too short for the next draw is never used.
    package func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard buffer.count <= pageByteCount else { return try source(buffer) }
        try page.withLock { page in
            if page.next + buffer.count > page.bytes.count {
                try page.bytes.withUnsafeMutableBytes { try source($0) }
                page.next = 0
            }
            page.bytes.withUnsafeBytes { bytes in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[page.next..<(page.next + buffer.count)]))
            }
            page.next += buffer.count
        }
    }
}
