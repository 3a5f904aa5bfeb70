// X25519 key generation with a context used again (OpenSSLContextPool). OpenSSL 3.0 looks the key
// manager up by name in its locked provider store each time a context is made
// (EVP_PKEY_CTX_new_id), and cannot duplicate a key-generation context; a context that has
// generated one key generates the next just as well (each EVP_PKEY_keygen draws a new private key
// from the CSPRNG). Measured: making the context was about 1.5 µs of a 25 µs key generation, two of
// which every submission makes.
import COpenSSL

enum X25519KeyGeneration {
    private static let contexts = OpenSSLContextPool(
        make: {
            // EVP_PKEY_Q_keygen is variadic and cannot be called from Swift; the long form can.
            guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nil) else {
                throw OpenSSL.error("EVP_PKEY_CTX_new_id(X25519)")
            }
            guard EVP_PKEY_keygen_init(context) > 0 else {
                EVP_PKEY_CTX_free(context)
                throw OpenSSL.error("EVP_PKEY_keygen_init")
            }
            return context
        },
        free: { EVP_PKEY_CTX_free($0) })

    /// A new key from OpenSSL's CSPRNG.
    static func generate() throws -> EVPKey {
        try contexts.withContext { context in
            var key: OpaquePointer? = nil
            guard EVP_PKEY_keygen(context, &key) > 0, let key else { throw OpenSSL.error("EVP_PKEY_keygen") }
            return EVPKey(taking: key)
        }
    }
}
