// The Swift owner of one OpenSSL EVP_PKEY.
import COpenSSL

/// Owns an `EVP_PKEY` and frees it (OpenSSL zeroes private key material on free) when released.
///
/// `@unchecked Sendable`: OpenSSL 3 documents an `EVP_PKEY` as safe for concurrent read-only use
/// once created, and nothing mutates it after this object takes ownership.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }
}
