// The form an address takes before it is HMAC'ed for the email index (docs/FORMAT.md "The key files"):
// trimmed, Unicode NFC, lowercased. Access and erasure requests normalise the same way, so they
// find a person's records however the address was typed.
public import Foundation
public import InboxCrypto

public enum EmailIndexNormalization {
    public static func normalise(_ address: String) -> String {
        if let ascii = normaliseASCII(address) { return ascii }
        return address.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The same for an address of ASCII only (nearly every one), without Foundation: NFC leaves
    /// ASCII as it is, its white space is tab to carriage return and the space, and its
    /// lowercasing is A-Z. Nil for any other address. Tested against the general form.
    static func normaliseASCII(_ address: String) -> String? {
        let bytes = address.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        let lowered = bytes[first...last].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        return String(decoding: lowered, as: UTF8.self)
    }

    /// The index entry's code: HMAC-SHA256 of the normalised address under an epoch's index key.
    /// Intake, holds and access requests all compute it here, so they always agree.
    public static func code(for address: String, key: SecretBytes) throws -> Data {
        Data(try HMACSHA256.authenticationCode(for: Array(normalise(address).utf8), key: key))
    }

    /// The same for an address just opened from its sealed field.
    public static func code(for address: SecretBytes, key: SecretBytes) throws -> Data {
        try code(for: address.utf8String, key: key)
    }
}
