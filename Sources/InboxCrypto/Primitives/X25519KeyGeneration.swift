// X25519 key-generation contexts, made once and used again. OpenSSL 3.0 looks the key manager up
// by name in its locked provider store each time a context is made (EVP_PKEY_CTX_new_id), and
// cannot duplicate a key-generation context; a context that has generated one key generates the
// next just as well (each EVP_PKEY_keygen draws a new private key from the CSPRNG). Measured: the
// context costs about 1.5 µs of a 25 µs key generation, two of which every submission makes.
import COpenSSL
import Synchronization

/// `@unchecked Sendable`: a context is used by one caller at a time, the one that took it from
/// `idle`; only the list is shared, behind its lock.
final class X25519KeyGeneration: @unchecked Sendable {
    static let shared = X25519KeyGeneration()

    /// An EVP_PKEY_CTX set up for X25519 key generation. `@unchecked Sendable`: it moves between
    /// threads only through `idle`, and one caller at a time uses it.
    private struct Context: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Contexts not in use. A context in use is owned by its caller until it is given back; at most
    /// `keptAtMost` are kept, so a burst on many threads does not leave them all behind.
    private let idle = Mutex<[Context]>([])
    private static let keptAtMost = 16

    /// A new key from OpenSSL's CSPRNG.
    func generate() throws -> EVPKey {
        let context = try idle.withLock { $0.popLast() } ?? Self.makeContext()
        var key: OpaquePointer? = nil
        guard EVP_PKEY_keygen(context.pointer, &key) > 0, let key else {
            EVP_PKEY_CTX_free(context.pointer)
            throw OpenSSL.error("EVP_PKEY_keygen")
        }
        let kept = idle.withLock { contexts in
            guard contexts.count < Self.keptAtMost else { return false }
            contexts.append(context)
            return true
        }
        if !kept { EVP_PKEY_CTX_free(context.pointer) }
        return EVPKey(taking: key)
    }

    private static func makeContext() throws -> Context {
        // EVP_PKEY_Q_keygen is variadic and cannot be called from Swift; the long form can.
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nil) else {
            throw OpenSSL.error("EVP_PKEY_CTX_new_id(X25519)")
        }
        guard EVP_PKEY_keygen_init(context) > 0 else {
            EVP_PKEY_CTX_free(context)
            throw OpenSSL.error("EVP_PKEY_keygen_init")
        }
        return Context(pointer: context)
    }
}
