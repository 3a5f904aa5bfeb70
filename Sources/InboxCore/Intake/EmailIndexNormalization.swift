// The form an address takes before it is HMAC'ed for the email index (DESIGN.md "Keys"):
// trimmed, Unicode NFC, lowercased. Access and erasure requests normalise the same way, so they
// find a person's records however the address was typed.
import Foundation

public enum EmailIndexNormalization {
    public static func normalise(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
    }
}
