// Our HMAC-SHA256 (two SHA-256 passes over a padded key) against swift-crypto's (BoringSSL's), at
// every key length around SHA-256's 64-byte block, where a key is padded, fills the block exactly,
// or is hashed first, and at message lengths around the block and its padding boundary.
import Crypto
import InboxCrypto
import Testing

@Suite("HMAC-SHA256 against swift-crypto's")
struct HMACReferenceTests {
    static let messageLengths = [0, 1, 31, 55, 56, 63, 64, 65, 119, 120, 128, 300]

    @Test("every key length from 1 to 130 bytes, messages around a block", arguments: messageLengths)
    func againstSwiftCrypto(messageLength: Int) throws {
        var generator = SystemRandomNumberGenerator()
        for keyLength in 1...130 {
            let key = (0..<keyLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let message = (0..<messageLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let ours = try HMACSHA256.authenticationCode(for: message, key: SecretBytes(copying: key))
            let theirs = Array(HMAC<Crypto.SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
            #expect(ours == theirs, "key of \(keyLength) bytes, message of \(messageLength) bytes")
        }
    }

    @Test("one MAC's key does not leak into the next on a kept context")
    func consecutiveKeys() throws {
        let message = Array("the same message".utf8)
        let first = try HMACSHA256.authenticationCode(for: message, key: SecretBytes(copying: Array(repeating: 1, count: 32)))
        let second = try HMACSHA256.authenticationCode(for: message, key: SecretBytes(copying: Array(repeating: 2, count: 32)))
        let firstAgain = try HMACSHA256.authenticationCode(for: message, key: SecretBytes(copying: Array(repeating: 1, count: 32)))
        #expect(first != second)
        #expect(first == firstAgain)
        #expect(
            second == Array(HMAC<Crypto.SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(repeating: 2, count: 32))))
        )
    }
}
