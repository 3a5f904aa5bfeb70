// The at-rest format of one sealed field (docs/FORMAT.md, a contract):
//   sealed = version (0x01) || epoch (u32, big-endian) || enc (32 bytes) || ciphertext || tag
// HPKE base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; info "contact-inbox/v1";
// aad = version || epoch || reference as displayed || 0x00 || field name.
public import Foundation

public struct SealedField: Sendable, Equatable {
    public static let version: UInt8 = 0x01
    public static let info = Array("contact-inbox/v1".utf8)
    public static let headerByteCount = 5
    /// The smallest well-formed field: header, enc and the tag of an empty plaintext.
    public static let minimumByteCount = headerByteCount + X25519PublicKey.byteCount + AESGCM.tagByteCount
    /// The numbers that name a legal hold's keys instead of a calendar epoch: every hold has a key
    /// pair per field of its own, destroyed when the hold is released. Calendar epochs are YYYYMM
    /// (at most 999912), so the upper half of the four bytes can never be mistaken for one; epoch
    /// 0 named the single hold key set of inboxes created before holds had keys of their own.
    public static let holdKeyIDs: ClosedRange<UInt32> = 0x8000_0000...0xFFFF_FFFF
    public static let legacyHoldEpoch: UInt32 = 0

    /// Whether a header's four bytes name a hold's keys rather than a calendar epoch.
    public static func isHoldKey(_ epoch: UInt32) -> Bool {
        holdKeyIDs.contains(epoch) || epoch == legacyHoldEpoch
    }

    /// The epoch whose key sealed this field; it is bound into the AAD.
    public let epoch: UInt32
    /// The encapsulated ephemeral public key.
    public let enc: [UInt8]
    /// The AES-256-GCM ciphertext followed by its 16-byte tag.
    public let ciphertext: [UInt8]

    init(epoch: UInt32, enc: [UInt8], ciphertext: [UInt8]) {
        self.epoch = epoch
        self.enc = enc
        self.ciphertext = ciphertext
    }

    /// Parses stored bytes. Only the framing is checked here; authenticity is checked on opening.
    public init(bytes: some ContiguousBytes) throws {
        let bytes = bytes.withUnsafeBytes { [UInt8]($0) }
        guard bytes.count >= Self.minimumByteCount else {
            throw CryptoError(.malformedSealedField, "a sealed field is at least \(Self.minimumByteCount) bytes, this one \(bytes.count)")
        }
        guard bytes[0] == Self.version else {
            throw CryptoError(.unsupportedVersion, "sealed-field version \(bytes[0]) is not supported (expected \(Self.version))")
        }
        epoch = bytes[1...4].reduce(0) { $0 << 8 | UInt32($1) }
        let encEnd = Self.headerByteCount + X25519PublicKey.byteCount
        enc = Array(bytes[Self.headerByteCount..<encEnd])
        ciphertext = Array(bytes[encEnd...])
    }

    /// The bytes to store.
    public var bytes: [UInt8] {
        Self.header(epoch: epoch) + enc + ciphertext
    }

    /// The bytes to store, as the `Data` a BLOB column takes.
    public var data: Data { Data(bytes) }

    static func header(epoch: UInt32) -> [UInt8] {
        [version] + epoch.bigEndianBytes
    }

    /// aad = version || epoch || reference || 0x00 || field name.
    static func aad(epoch: UInt32, reference: String, field: RecordField) throws -> [UInt8] {
        try validate(reference: reference)
        return header(epoch: epoch) + Array(reference.utf8) + [0x00] + Array(field.rawValue.utf8)
    }

    /// A reference is printable ASCII without NUL, so that the 0x00 separator in the AAD is unambiguous.
    static func validate(reference: String) throws {
        guard !reference.isEmpty, reference.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw CryptoError(.invalidKey, "a reference to bind into a sealed field must be printable ASCII")
        }
    }
}
