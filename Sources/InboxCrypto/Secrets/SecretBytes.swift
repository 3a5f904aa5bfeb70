// Bytes that must not outlive their use: private keys, shared secrets, AEAD keys, passphrases.
import COpenSSL
public import Foundation

/// A fixed-size buffer of secret bytes that is zeroed with `OPENSSL_cleanse` when released.
///
/// Copies are never made implicitly: the storage is one heap allocation owned by this object, and
/// callers reach it only through `withUnsafeBytes`. Swift's `[UInt8]` and `Data` would be copied on
/// write and leave unzeroed copies behind.
///
/// `@unchecked Sendable`: the bytes are written only inside the initialisers, before the object is
/// shared, and read-only afterwards, so concurrent reads are safe.
public final class SecretBytes: ContiguousBytes, @unchecked Sendable {
    /// At least one byte is allocated, so that even an empty secret has a valid base address to
    /// hand to C; `count` is the usable length.
    private let storage: UnsafeMutableRawBufferPointer
    public let count: Int

    /// `count` zero bytes, filled by `initialize` before the object is returned. If `initialize`
    /// throws, the buffer is zeroed and freed here: the object is never created, so no `deinit`
    /// runs for it.
    public convenience init(count: Int, initialize: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        precondition(count >= 0, "a negative byte count is a programming error")
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        do {
            try initialize(UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]))
        } catch {
            Self.cleanse(storage)
            storage.deallocate()
            throw error
        }
        self.init(taking: storage, count: count)
    }

    private init(taking storage: UnsafeMutableRawBufferPointer, count: Int) {
        self.storage = storage
        self.count = count
    }

    /// A copy of `bytes`; the caller remains responsible for any other copy it holds.
    public convenience init(copying bytes: some Collection<UInt8>) {
        self.init(count: bytes.count) { buffer in buffer.copyBytes(from: bytes) }
    }

    /// `count` bytes from OpenSSL's CSPRNG.
    public static func random(count: Int) throws -> SecretBytes {
        try SecretBytes(count: count) { buffer in try SecureRandom.fill(buffer) }
    }

    deinit {
        Self.cleanse(storage)
        storage.deallocate()
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Compares in time independent of where the bytes differ.
    /// The bytes as text (an opened field): the copy is an ordinary String, no longer zeroed.
    public var utf8String: String {
        withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        if count == 0 { return true }
        return withUnsafeBytes { mine in
            other.withUnsafeBytes { theirs in
                CRYPTO_memcmp(mine.baseAddress, theirs.baseAddress, mine.count) == 0
            }
        }
    }

    private static func cleanse(_ buffer: UnsafeMutableRawBufferPointer) {
        if let base = buffer.baseAddress, buffer.count > 0 {
            OPENSSL_cleanse(base, buffer.count)
        }
    }
}
