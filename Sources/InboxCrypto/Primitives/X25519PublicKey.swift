// An X25519 public key (RFC 7748), as HPKE's DHKEM(X25519) serialises it: 32 raw bytes.
import COpenSSL
public import Foundation

public struct X25519PublicKey: Sendable, Equatable {
    public static let byteCount = 32

    /// The 32-byte little-endian u-coordinate.
    public let rawRepresentation: [UInt8]
    let evpKey: EVPKey

    public init(rawRepresentation: some ContiguousBytes) throws {
        let bytes = rawRepresentation.withUnsafeBytes { [UInt8]($0) }
        guard bytes.count == Self.byteCount else {
            throw CryptoError(.invalidKey, "an X25519 public key is \(Self.byteCount) bytes, not \(bytes.count)")
        }
        let key = bytes.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nil, $0.baseAddress, $0.count)
        }
        self.rawRepresentation = bytes
        self.evpKey = EVPKey(taking: try OpenSSL.check(key, "EVP_PKEY_new_raw_public_key"))
    }

    /// The public half of an EVP key that holds an X25519 key. The same EVP key serves as the
    /// peer in a key agreement (OpenSSL uses only its public part there), which spares a second
    /// key object for every ephemeral key.
    init(publicHalfOf evpKey: EVPKey) throws {
        var length = Self.byteCount
        var bytes = [UInt8](repeating: 0, count: Self.byteCount)
        try OpenSSL.check(EVP_PKEY_get_raw_public_key(evpKey.pointer, &bytes, &length), "EVP_PKEY_get_raw_public_key")
        guard length == Self.byteCount else {
            throw CryptoError(.invalidKey, "OpenSSL returned a \(length)-byte X25519 public key")
        }
        self.rawRepresentation = bytes
        self.evpKey = evpKey
    }

    public static func == (lhs: X25519PublicKey, rhs: X25519PublicKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }
}
