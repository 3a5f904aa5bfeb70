// Citizen text made inert for a staff terminal (docs/SECURITY.md, guarantee 7): C0 and C1 control
// characters (ESC, BEL, CSI U+009B, …), and with them every ANSI CSI and OSC sequence, and the
// Unicode bidirectional controls that can reorder what a reader sees, are shown escaped as
// `\u{1B}`; newlines and tabs stay readable. The same text goes into `--json`, where JSON's own
// escaping would turn `\u001b` back into a live ESC for a careless `jq -r`.

public enum TerminalSafeText {
    /// Bidirectional formatting characters: embeddings, overrides, isolates and marks.
    static let bidirectionalControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    public static func render(_ text: String) -> String {
        var safe = ""
        safe.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                safe.unicodeScalars.append(scalar)
            } else if isUnsafe(scalar) {
                safe += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                safe.unicodeScalars.append(scalar)
            }
        }
        return safe
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || bidirectionalControls.contains(value)
            || value == 0x2028 || value == 0x2029
    }
}
