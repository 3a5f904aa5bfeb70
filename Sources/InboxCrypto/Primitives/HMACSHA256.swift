// HMAC-SHA256 (RFC 2104) for the email index (docs/FORMAT.md "The key files"), HKDF and hash chains: two
// SHA-256 passes through EVP_Digest on a kept digest context. OpenSSL 3.0's EVP_MAC does the same
// passes, but keying it copies three digest contexts (an allocation, a copy and a wipe each), and a
// kept MAC context had to be keyed twice per MAC so as not to keep a seal's key: 0.47 µs a MAC
// against 0.26 here, and a submission computes eleven. RFC 4231's vectors pin the result
// (Tests/InboxCryptoTests/PrimitiveKnownAnswerTests.swift), and so do RFC 5869's and RFC 9180's.
import COpenSSL
public import Foundation

public enum HMACSHA256 {
    public static let byteCount = 32
    /// SHA-256's block: the key is padded to it (or hashed first when longer).
    static let blockByteCount = 64

    public static func authenticationCode(for message: some ContiguousBytes, key: SecretBytes) throws -> [UInt8] {
        try key.withUnsafeBytes { keyBytes in
            try message.withUnsafeBytes { messageBytes in
                var output = [UInt8](repeating: 0, count: byteCount)
                try output.withUnsafeMutableBytes { try authenticate([messageBytes], key: keyBytes, into: $0) }
                return output
            }
        }
    }

    /// HMAC of the concatenation of `parts` under `key`, written into `output` (32 bytes), so that
    /// HKDF can keep every intermediate value in zeroing memory:
    /// H((K ⊕ opad) || H((K ⊕ ipad) || parts)), K the key zero-padded to a block.
    static func authenticate(
        _ parts: [UnsafeRawBufferPointer], key: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer,
        contexts: OpenSSLContextPool = HMACSHA256.contexts
    ) throws {
        guard key.count > 0 else { throw CryptoError(.invalidKey, "an HMAC key cannot be empty") }
        guard output.count == byteCount else { throw CryptoError(.invalidKey, "an HMAC-SHA256 output is \(byteCount) bytes") }
        let sha256 = try FetchedAlgorithms.shared.sha256
        try contexts.withContext { context in
            // The padded key and the inner hash, on the stack and wiped before it is given back.
            try withUnsafeTemporaryAllocation(byteCount: blockByteCount + byteCount, alignment: 16) { scratch in
                defer { OPENSSL_cleanse(scratch.baseAddress, scratch.count) }
                let pad = UnsafeMutableRawBufferPointer(rebasing: scratch[0..<blockByteCount])
                let inner = UnsafeMutableRawBufferPointer(rebasing: scratch[blockByteCount...])
                pad.initializeMemory(as: UInt8.self, repeating: 0)
                if key.count > blockByteCount {
                    try begin(context, sha256)
                    try update(context, key)
                    try finish(context, into: UnsafeMutableRawBufferPointer(rebasing: pad[0..<byteCount]))
                } else {
                    pad.copyMemory(from: key)
                }
                for index in pad.indices { pad[index] ^= 0x36 }
                try begin(context, sha256)
                try update(context, UnsafeRawBufferPointer(pad))
                for part in parts { try update(context, part) }
                try finish(context, into: inner)
                for index in pad.indices { pad[index] ^= 0x36 ^ 0x5c }
                try begin(context, sha256)
                try update(context, UnsafeRawBufferPointer(pad))
                try update(context, UnsafeRawBufferPointer(inner))
                try finish(context, into: output)
                // A kept context would otherwise hold the last hash's state (this MAC) until its
                // next use; starting a new hash resets it. (A context that is freed, OpenSSL wipes.)
                try begin(context, sha256)
            }
        }
    }

    private static func begin(_ context: OpaquePointer, _ algorithm: OpaquePointer) throws {
        try OpenSSL.check(EVP_DigestInit_ex2(context, algorithm, nil), "EVP_DigestInit_ex2")
    }

    private static func update(_ context: OpaquePointer, _ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        try OpenSSL.check(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count), "EVP_DigestUpdate")
    }

    /// The hash, into `output` (32 bytes).
    private static func finish(_ context: OpaquePointer, into output: UnsafeMutableRawBufferPointer) throws {
        var written: UInt32 = 0
        try OpenSSL.check(CInbox_EVP_DigestFinal_ex(context, output.baseAddress, &written), "EVP_DigestFinal_ex")
        guard written == byteCount else { throw CryptoError(.openSSL, "SHA-256 produced \(written) bytes") }
    }

    /// Digest contexts used again (OpenSSLContextPool): making one is an allocation, and freeing
    /// it a wipe.
    static let contexts = makeContexts()

    /// A pool of SHA-256 digest contexts (a test makes its own, to look at what a MAC leaves in one).
    static func makeContexts(keptAtMost: Int = 16) -> OpenSSLContextPool {
        OpenSSLContextPool(
            keptAtMost: keptAtMost,
            make: {
                guard let context = EVP_MD_CTX_new() else { throw OpenSSL.error("EVP_MD_CTX_new") }
                return context
            },
            free: { EVP_MD_CTX_free($0) })
    }
}
