// OpenSSL contexts kept and used again. Making a context in OpenSSL 3.0 costs a look-up in its
// locked provider store (a key-generation context) or an allocation and, when it is freed, a wipe
// (a digest context), while a context that has done its work does the next just as well once it
// is initialised again. X25519 key generation and HMAC-SHA256, both on every submission's path,
// take theirs from a pool.
import Synchronization

/// `@unchecked Sendable`: a context is used by one caller at a time, the one that took it from
/// `idle`; only the list is shared, behind its lock.
final class OpenSSLContextPool: @unchecked Sendable {
    /// An OpenSSL context. `@unchecked Sendable`: it moves between threads only through `idle`.
    private struct Context: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let idle = Mutex<[Context]>([])
    /// At most this many are kept, so that a burst on many threads does not leave them all behind.
    private let keptAtMost: Int
    private let make: @Sendable () throws -> OpaquePointer
    private let free: @Sendable (OpaquePointer) -> Void

    init(keptAtMost: Int = 16, make: @escaping @Sendable () throws -> OpaquePointer, free: @escaping @Sendable (OpaquePointer) -> Void) {
        self.keptAtMost = keptAtMost
        self.make = make
        self.free = free
    }

    /// Runs `body` with a context of its own, taken from the pool or made. A context whose body
    /// threw is freed, not kept: OpenSSL may have left it half-way.
    func withContext<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
        let context = try idle.withLock { $0.popLast() } ?? Context(pointer: make())
        let result: Result
        do {
            result = try body(context.pointer)
        } catch {
            free(context.pointer)
            throw error
        }
        let kept = idle.withLock { contexts in
            guard contexts.count < keptAtMost else { return false }
            contexts.append(context)
            return true
        }
        if !kept { free(context.pointer) }
        return result
    }
}
