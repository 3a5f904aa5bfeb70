// The one JSON form of everything the inbox hashes or anchors (audit entries, purge reports, log
// anchors): sorted keys, unescaped slashes, ISO 8601 times. A hash covers exactly the bytes
// stored, so every writer must produce the same bytes for the same value.
import Foundation

enum CanonicalJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
