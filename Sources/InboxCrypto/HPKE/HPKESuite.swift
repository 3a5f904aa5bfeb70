// The HPKE cipher suites this project implements (RFC 9180, section 7): DHKEM(X25519,
// HKDF-SHA256) with HKDF-SHA256, and AES-256-GCM (the at-rest format) or AES-128-GCM (only so that
// RFC 9180 appendix A.1 can be checked).

public struct HPKESuite: Sendable, Equatable {
    public enum AEAD: UInt16, Sendable {
        case aes128GCM = 0x0001
        case aes256GCM = 0x0002

        var keySize: AESGCM.KeySize { self == .aes128GCM ? .bits128 : .bits256 }
    }

    /// DHKEM(X25519, HKDF-SHA256).
    public static let kemID: UInt16 = 0x0020
    /// HKDF-SHA256.
    public static let kdfID: UInt16 = 0x0001

    public let aead: AEAD
    /// suite_id of the key schedule: "HPKE" || I2OSP(kem_id, 2) || I2OSP(kdf_id, 2) || I2OSP(aead_id, 2).
    /// Made once: every labelled derivation of every seal starts with it.
    let suiteID: [UInt8]

    init(aead: AEAD) {
        self.aead = aead
        self.suiteID = Array("HPKE".utf8) + Self.kemID.bigEndianBytes + Self.kdfID.bigEndianBytes + aead.rawValue.bigEndianBytes
    }

    /// The suite of the at-rest format (docs/FORMAT.md).
    public static let x25519SHA256AES256GCM = HPKESuite(aead: .aes256GCM)
    /// RFC 9180 appendix A.1.
    public static let x25519SHA256AES128GCM = HPKESuite(aead: .aes128GCM)

    /// suite_id of the KEM: "KEM" || I2OSP(kem_id, 2).
    static let kemSuiteID = Array("KEM".utf8) + kemID.bigEndianBytes
}

extension FixedWidthInteger {
    /// I2OSP(self, size of the type) of RFC 8017.
    var bigEndianBytes: [UInt8] {
        withUnsafeBytes(of: self.bigEndian) { Array($0) }
    }
}
