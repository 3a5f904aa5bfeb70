// Random bytes for keys, salts and nonces come from OpenSSL's CSPRNG and nowhere else.
import COpenSSL

public enum SecureRandom {
    /// Fills `buffer` from `RAND_bytes`.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        guard buffer.count <= Int(Int32.max) else {
            throw CryptoError(.messageLimit, "cannot draw \(buffer.count) random bytes at once")
        }
        try OpenSSL.check(CInbox_RAND_bytes(base, Int32(buffer.count)), "RAND_bytes")
    }

    /// `count` random bytes that need not stay secret (identifiers, salts).
    public static func bytes(count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withUnsafeMutableBytes { try fill($0) }
        return bytes
    }
}
