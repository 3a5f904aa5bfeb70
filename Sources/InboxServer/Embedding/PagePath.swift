// The hidden `page` field of an embedded form: the path of the agency's page the question was asked
// from. It is kept in clear with the case and its register entry for years, and linked back to from
// the thanks page, so only a path is kept: the query and the fragment (where a search or a person's
// details may stand) are cut off, and anything that is not plainly a path on the agency's site is
// dropped (never shown to the citizen as an error: the citizen did not write it).
import InboxStore

enum PagePath {
    static let maximumLength = 300

    /// The path, or nil when the value must be dropped: empty, longer than 300 characters, not
    /// starting with one "/" (an absolute URL, `javascript:`, a protocol-relative "//host"), or
    /// holding anything but a path's characters (RFC 3986's, without ";" and ",", which a
    /// spreadsheet may split a cell at, and letters of any script), also once percent-decoded.
    static func accept(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), value.unicodeScalars.count <= maximumLength else { return nil }
        let path = String(value.prefix { $0 != "?" && $0 != "#" })
        guard path.unicodeScalars.allSatisfy(isPathCharacter),
            // Decoded too: the path is shown and linked, and decoded by whoever follows it.
            // (The form body's decoder, whose "+" for a space changes nothing of what is checked.)
            let decoded = try? URLEncodedBody.decode(path.utf8), decoded.unicodeScalars.allSatisfy(isAllowedDecoded)
        else { return nil }
        return path
    }

    /// RFC 3986's pchar and "/" (percent signs are checked when decoding), less ";" and ",";
    /// letters and digits of any script as a page template may write them unencoded.
    private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~%/!$&'()*+=:@".unicodeScalars.contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isAllowedDecoded(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\\" { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control: return false
        default: return true
        }
    }
}
