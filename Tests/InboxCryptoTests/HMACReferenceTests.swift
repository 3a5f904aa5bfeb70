// Our HMAC-SHA256 (two SHA-256 passes over a padded key) against swift-crypto's (BoringSSL's), at
// every key length around SHA-256's 64-byte block, where a key is padded, fills the block exactly,
// or is hashed first, and at message lengths around the block and its padding boundary.
import COpenSSL
import Crypto
import Foundation
import Testing

@testable import InboxCrypto

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
            #expect(ours == theirs, "key \(hex(key)), message \(hex(message))")
        }
    }

    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("a kept context holds nothing of the last MAC: it is a fresh SHA-256")
    func keptContextIsReset() throws {
        let pool = HMACSHA256.makeContexts(keptAtMost: 1)
        let key: [UInt8] = Array(repeating: 7, count: 32)
        var code = [UInt8](repeating: 0, count: 32)
        try key.withUnsafeBytes { keyBytes in
            try Array("a seal's secret".utf8).withUnsafeBytes { message in
                try code.withUnsafeMutableBytes { try HMACSHA256.authenticate([message], key: keyBytes, into: $0, contexts: pool) }
            }
        }
        #expect(code == Array(HMAC<Crypto.SHA256>.authenticationCode(for: Array("a seal's secret".utf8), using: SymmetricKey(data: key))))
        // The one context kept: finishing it as it is gives the hash of nothing, so it holds no
        // state of the MAC (the padded key, the inner hash) it last computed.
        let leftover = try pool.withContext { context in
            var digest = [UInt8](repeating: 0, count: 32)
            var written: UInt32 = 0
            let result = digest.withUnsafeMutableBytes { CInbox_EVP_DigestFinal_ex(context, $0.baseAddress, &written) }
            return result > 0 && written == 32 ? digest : nil
        }
        #expect(leftover == Array(Crypto.SHA256.hash(data: [UInt8]())))
    }

    @Test("consecutive MACs under different keys on the same kept contexts")
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
