// Algorithms fetched from OpenSSL's default provider once per process, and the HMAC context set
// up once that each MAC duplicates. OpenSSL 3.0 looks an algorithm up in a locked store on every
// implicit fetch (EVP_aes_256_gcm() in an init, a digest named in a parameter); doing it once
// removes those look-ups from every submission.
import COpenSSL

/// `@unchecked Sendable`: fetched algorithm objects are immutable and OpenSSL documents them as
/// safe to share between threads. The template context is never used directly, only read by
/// the `*_dup` functions (which take them as `const`), from any thread. All live as long as the
/// process.
final class FetchedAlgorithms: @unchecked Sendable {
    let aes128GCM: OpaquePointer
    let aes256GCM: OpaquePointer
    /// EVP_MAC_CTX for HMAC with SHA-256 set.
    let hmacSHA256Template: OpaquePointer

    /// Nil only if the default provider lacks one of them, which `shared` turns into an error.
    private init?() {
        guard let hmac = EVP_MAC_fetch(nil, CInbox_HMAC_name(), nil) else { return nil }
        guard let aes128GCM = EVP_CIPHER_fetch(nil, "AES-128-GCM", nil), let aes256GCM = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil) else {
            return nil
        }
        // The context holds its own reference to the algorithm, so the fetched one is not kept.
        guard let hmacContext = EVP_MAC_CTX_new(hmac) else { return nil }
        var digest = [OSSL_PARAM](repeating: OSSL_PARAM(), count: 2)
        CInbox_HMAC_SHA256_params(&digest)
        guard EVP_MAC_CTX_set_params(hmacContext, digest) > 0 else { return nil }
        self.aes128GCM = aes128GCM
        self.aes256GCM = aes256GCM
        self.hmacSHA256Template = hmacContext
    }

    private static let instance = FetchedAlgorithms()

    static var shared: FetchedAlgorithms {
        get throws {
            guard let instance else { throw OpenSSL.error("fetching HMAC and AES-GCM from the default provider") }
            return instance
        }
    }
}
