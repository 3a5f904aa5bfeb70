// LabeledExtract and LabeledExpand (RFC 9180, section 4): HKDF with the protocol version and the
// suite bound into every derivation.
import Foundation

struct LabeledKDF {
    private static let version = Array("HPKE-v1".utf8)
    /// "HPKE-v1" || suite_id, the start of every labelled input.
    private let versionAndSuite: [UInt8]

    init(suiteID: [UInt8]) {
        versionAndSuite = Self.version + suiteID
    }

    /// LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm).
    func extract(salt: some ContiguousBytes, label: String, inputKeyMaterial: some ContiguousBytes) throws -> SecretBytes {
        let labeled = try SecretBytes.concatenating([versionAndSuite, Array(label.utf8)], secret: inputKeyMaterial)
        return try HKDF.extract(salt: salt, inputKeyMaterial: labeled)
    }

    /// LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L).
    func expand(pseudorandomKey: SecretBytes, label: String, info: some ContiguousBytes, length: Int) throws -> SecretBytes {
        guard length <= Int(UInt16.max) else { throw CryptoError(.messageLimit, "LabeledExpand cannot produce \(length) bytes") }
        return try info.withUnsafeBytes { info in
            var labeled: [UInt8] = []
            labeled.reserveCapacity(2 + versionAndSuite.count + label.utf8.count + info.count)
            labeled.append(UInt8(length >> 8))
            labeled.append(UInt8(length & 0xFF))
            labeled += versionAndSuite
            labeled += label.utf8
            labeled += info
            return try HKDF.expand(pseudorandomKey: pseudorandomKey, info: labeled, length: length)
        }
    }
}

extension SecretBytes {
    /// `prefix` (public labels) followed by `secret`, in zeroing memory.
    static func concatenating(_ prefix: [[UInt8]], secret: some ContiguousBytes) throws -> SecretBytes {
        let prefixCount = prefix.reduce(0) { $0 + $1.count }
        return secret.withUnsafeBytes { secretBytes in
            SecretBytes(count: prefixCount + secretBytes.count) { buffer in
                var offset = 0
                for part in prefix {
                    UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + part.count)]).copyBytes(from: part)
                    offset += part.count
                }
                UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyMemory(from: secretBytes)
            }
        }
    }
}
