// The at-rest format of docs/FORMAT.md: layout, binding to reference and field, and refusal of
// every kind of tampering with its own error.
import Foundation
import InboxCrypto
import Testing

@Suite("sealed fields")
struct SealedFieldTests {
    let epoch: UInt32 = 202611
    let reference = "K7Q2-M9XD-4T"
    let key: EpochPrivateKey

    init() throws {
        key = EpochPrivateKey(epoch: epoch, field: .email, key: try X25519PrivateKey())
    }

    func seal(_ text: String = "anna@example.se") throws -> SealedField {
        try key.publicKey.seal(Array(text.utf8), reference: reference)
    }

    @Test("the layout is version, big-endian epoch, enc, ciphertext and tag")
    func layout() throws {
        let plaintext = "anna@example.se"
        let sealed = try seal(plaintext)
        let bytes = sealed.bytes
        #expect(bytes.count == 1 + 4 + 32 + plaintext.utf8.count + 16)
        #expect(Array(bytes[0..<5]) == [0x01, 0x00, 0x03, 0x17, 0x73])  // 202611 = 0x00031773
        #expect(Array(bytes[5..<37]) == sealed.enc)
        #expect(try SealedField(bytes: bytes) == sealed)
        #expect(try SealedField(bytes: sealed.data).epoch == epoch)
    }

    @Test("a sealed field opens with its key, reference and field name")
    func roundTrip() throws {
        let opened = try key.open(seal("anna@example.se"), reference: reference, field: .email)
        #expect(String(decoding: opened.bytes, as: UTF8.self) == "anna@example.se")
        let empty = try key.open(seal(""), reference: reference, field: .email)
        #expect(empty.count == 0)
    }

    @Test("every flipped bit is refused, each part with its own error")
    func everyBitFlip() throws {
        let bytes = try seal("a@b.se").bytes
        for bit in 0..<(bytes.count * 8) {
            var tampered = bytes
            tampered[bit / 8] ^= 1 << (bit % 8)
            let expected: CryptoError.Code =
                switch bit / 8 {
                case 0: .unsupportedVersion
                case 1...4: .epochMismatch
                default: .authenticationFailed
                }
            let error = try #require(throws: CryptoError.self, "bit \(bit)") {
                try key.open(SealedField(bytes: tampered), reference: reference, field: .email)
            }
            #expect(error.code == expected, "bit \(bit)")
        }
    }

    @Test("a field moved to another record or field does not open")
    func boundToPlace() throws {
        let sealed = try seal()
        let otherRecord = try #require(throws: CryptoError.self) { try key.open(sealed, reference: "K7Q2-M9XD-4V", field: .email) }
        #expect(otherRecord.code == .authenticationFailed)
        let withoutHyphens = try #require(throws: CryptoError.self) { try key.open(sealed, reference: "K7Q2M9XD4T", field: .email) }
        #expect(withoutHyphens.code == .authenticationFailed)
        // The same key material under another field name: only the AAD differs.
        let sameKeyOtherField = EpochPrivateKey(epoch: epoch, field: .question, key: key.key)
        let otherField = try #require(throws: CryptoError.self) {
            try sameKeyOtherField.open(sealed, reference: reference, field: .question)
        }
        #expect(otherField.code == .authenticationFailed)
    }

    @Test("keys of another epoch or field are refused before decrypting; other key material fails to authenticate")
    func wrongKeys() throws {
        let sealed = try seal()
        let otherEpoch = EpochPrivateKey(epoch: 202612, field: .email, key: key.key)
        #expect(
            try #require(throws: CryptoError.self) { try otherEpoch.open(sealed, reference: reference, field: .email) }.code
                == .epochMismatch)
        let questionKey = EpochPrivateKey(epoch: epoch, field: .question, key: try X25519PrivateKey())
        #expect(
            try #require(throws: CryptoError.self) { try questionKey.open(sealed, reference: reference, field: .email) }.code
                == .fieldMismatch)
        let stranger = EpochPrivateKey(epoch: epoch, field: .email, key: try X25519PrivateKey())
        #expect(
            try #require(throws: CryptoError.self) { try stranger.open(sealed, reference: reference, field: .email) }.code
                == .authenticationFailed)
    }

    @Test("truncated or foreign bytes are malformed, not a crash")
    func malformed() throws {
        let bytes = try seal().bytes
        for length in [0, 1, 5, 36, SealedField.minimumByteCount - 1] {
            let error = try #require(throws: CryptoError.self) { try SealedField(bytes: Array(bytes.prefix(length))) }
            #expect(error.code == .malformedSealedField, "length \(length)")
        }
    }

    @Test("a reference that could blur the AAD is refused")
    func referenceValidation() throws {
        for bad in ["", "K7Q2\u{0}M9XD", "K7Q2 M9XD", "Å7Q2-M9XD-4T"] {
            #expect(throws: CryptoError.self) { try key.publicKey.seal([UInt8](), reference: bad) }
        }
    }

    @Test("a thousand seals never repeat an ephemeral key")
    func freshEphemeralKeys() throws {
        var seen = Set<[UInt8]>()
        for _ in 0..<1000 {
            seen.insert(try seal().enc)
        }
        #expect(seen.count == 1000)
    }

    @Test("seals made on many threads at once share no ephemeral key, and every one opens")
    func freshEphemeralKeysUnderConcurrency() async throws {
        // Key-generation contexts are kept and used again (X25519KeyGeneration): a context handed
        // to two callers at once would be a data race inside OpenSSL and could repeat a key.
        let key = self.key
        let reference = self.reference
        let sealed = try await withThrowingTaskGroup(of: [(SealedField, String)].self) { group in
            for task in 0..<8 {
                group.addTask {
                    try (0..<250).map { index in
                        let text = "task \(task) seal \(index)"
                        return (try key.publicKey.seal(Array(text.utf8), reference: reference), text)
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(sealed.map(\.0.enc)).count == 2_000)
        for (sealedField, text) in sealed {
            #expect(try key.open(sealedField, reference: reference, field: .email).bytes == Array(text.utf8))
        }
    }
}
