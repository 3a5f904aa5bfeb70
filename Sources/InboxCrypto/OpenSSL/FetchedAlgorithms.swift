// Algorithms fetched from OpenSSL's default provider once per process. OpenSSL 3.0 looks an
// algorithm up in a locked store on every implicit fetch (EVP_aes_256_gcm() in an init, a digest
// named in a parameter); doing it once removes those look-ups from every submission.
import COpenSSL

/// `@unchecked Sendable`: fetched algorithm objects are immutable and OpenSSL documents them as
/// safe to share between threads. All live as long as the process.
final class FetchedAlgorithms: @unchecked Sendable {
    let aes128GCM: OpaquePointer
    let aes256GCM: OpaquePointer
    /// SHA-256, under HMAC-SHA256.
    let sha256: OpaquePointer

    /// Nil only if the default provider lacks one of them, which `shared` turns into an error.
    private init?() {
        guard let sha256 = EVP_MD_fetch(nil, "SHA256", nil) else { return nil }
        guard let aes128GCM = EVP_CIPHER_fetch(nil, "AES-128-GCM", nil), let aes256GCM = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil) else {
            return nil
        }
        self.aes128GCM = aes128GCM
        self.aes256GCM = aes256GCM
        self.sha256 = sha256
    }

    private static let instance = FetchedAlgorithms()

    static var shared: FetchedAlgorithms {
        get throws {
            guard let instance else { throw OpenSSL.error("fetching SHA-256 and AES-GCM from the default provider") }
            return instance
        }
    }
}
