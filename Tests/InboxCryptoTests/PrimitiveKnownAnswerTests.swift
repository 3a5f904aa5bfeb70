import Testing

// Known answers for the OpenSSL primitives under HPKE: RFC 7748 (X25519), RFC 5869 (HKDF),
// RFC 4231 (HMAC-SHA256) and the GCM specification's test case 16 (AES-256-GCM with AAD).
@testable import InboxCrypto

@Suite("primitives (known answers)")
struct PrimitiveKnownAnswerTests {
    @Test("X25519 key agreement, RFC 7748 section 6.1")
    func x25519() throws {
        let alice = try X25519PrivateKey(
            rawRepresentation: SecretBytes(copying: [UInt8](hex: "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")))
        let bob = try X25519PrivateKey(
            rawRepresentation: SecretBytes(copying: [UInt8](hex: "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")))
        #expect(alice.publicKey.rawRepresentation == [UInt8](hex: "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"))
        #expect(bob.publicKey.rawRepresentation == [UInt8](hex: "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"))
        let fromAlice = try alice.sharedSecret(with: bob.publicKey).bytes
        let fromBob = try bob.sharedSecret(with: alice.publicKey).bytes
        #expect(fromAlice == [UInt8](hex: "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"))
        #expect(fromAlice == fromBob)
    }

    @Test("X25519 refuses a low-order peer point (all-zero shared secret)")
    func x25519LowOrderPoint() throws {
        let key = try X25519PrivateKey()
        let zeroPoint = try X25519PublicKey(rawRepresentation: [UInt8](repeating: 0, count: 32))
        #expect(throws: CryptoError.self) { try key.sharedSecret(with: zeroPoint) }
    }

    @Test("HKDF-SHA256, RFC 5869 test case 1")
    func hkdf() throws {
        let prk = try HKDF.extract(salt: [UInt8](hex: "000102030405060708090a0b0c"), inputKeyMaterial: [UInt8](repeating: 0x0b, count: 22))
        #expect(prk.bytes == [UInt8](hex: "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"))
        let okm = try HKDF.expand(pseudorandomKey: prk, info: [UInt8](hex: "f0f1f2f3f4f5f6f7f8f9"), length: 42)
        #expect(okm.bytes == [UInt8](hex: "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
    }

    /// RFC 4231's cases with a full-length output: keys shorter than a block (1–4) and longer (6,
    /// 7: hashed first), messages shorter and longer than a block.
    static let hmacCases: [(name: String, key: [UInt8], message: [UInt8], code: String)] = [
        (
            "1", [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            "2", Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            "3", [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        ("4", Array(1...25), [UInt8](repeating: 0xcd, count: 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (
            "6", [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            "7", [UInt8](repeating: 0xaa, count: 131),
            Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed "
                    + "before being used by the HMAC algorithm.").utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test("HMAC-SHA256, RFC 4231 test cases", arguments: hmacCases.indices)
    func hmac(_ index: Int) throws {
        let testCase = Self.hmacCases[index]
        let code = try HMACSHA256.authenticationCode(for: testCase.message, key: SecretBytes(copying: testCase.key))
        #expect(code == [UInt8](hex: testCase.code), "RFC 4231 test case \(testCase.name)")
    }

    @Test("HMAC-SHA256 refuses an empty key")
    func hmacEmptyKey() {
        #expect(throws: CryptoError.self) { try HMACSHA256.authenticationCode(for: [1, 2, 3], key: SecretBytes(copying: [])) }
    }

    @Test("AES-256-GCM, GCM specification test case 16")
    func aes256gcm() throws {
        let key = SecretBytes(copying: [UInt8](hex: "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"))
        let nonce = [UInt8](hex: "cafebabefacedbaddecaf888")
        let plaintext = [UInt8](
            hex: "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
        let aad = [UInt8](hex: "feedfacedeadbeeffeedfacedeadbeefabaddad2")
        let sealed = try AESGCM.seal(plaintext, key: key, nonce: nonce, aad: aad, keySize: .bits256)
        let expected =
            [UInt8](
                hex:
                    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            )
            + [UInt8](hex: "76fc6ece0f4e1768cddf8853bb2d551b")
        #expect(sealed == expected)
        #expect(try AESGCM.open(sealed, key: key, nonce: nonce, aad: aad, keySize: .bits256).bytes == plaintext)
        var tampered = sealed
        tampered[0] ^= 1
        #expect(throws: CryptoError.self) { try AESGCM.open(tampered, key: key, nonce: nonce, aad: aad, keySize: .bits256) }
    }

    @Test("AES-GCM refuses keys and nonces of the wrong length")
    func aesGCMLengths() throws {
        let error = try #require(throws: CryptoError.self) {
            try AESGCM.seal(
                [UInt8](), key: SecretBytes(copying: [UInt8](repeating: 0, count: 16)), nonce: [UInt8](repeating: 0, count: 12),
                aad: [UInt8](), keySize: .bits256)
        }
        #expect(error.code == .invalidKey)
    }
}

@Suite("SHA-256 (known answers)")
struct SHA256KnownAnswerTests {
    @Test("FIPS 180-2 examples")
    func sha256() throws {
        #expect(try SHA256.hash(Array("abc".utf8)) == [UInt8](hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(try SHA256.hash([UInt8]()) == [UInt8](hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
    }
}
