// The form an address takes before it is HMAC'ed for the email index (docs/FORMAT.md "The key files"):
// trimmed, Unicode NFC, lowercased. Access and erasure requests normalise the same way, so they
// find a person's records however the address was typed.
public import Foundation
public import InboxCrypto

public enum EmailIndexNormalization {
    public static func normalise(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
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
