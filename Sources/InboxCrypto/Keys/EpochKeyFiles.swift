// The files of one epoch inside the key directory, and what is recorded in them.
import Foundation

/// `epochs/<epoch>/` holds, for each field, `<field>.pub.pem` (the server seals with it) and
/// `<field>.key.sealed` (the private half sealed to the master key); `email.index.key` (the HMAC
/// key of the email index); `epoch.json` (dates); and `<field>.destroyed` once a key is destroyed.
struct EpochKeyFiles {
    let directory: String

    var metadata: String { "\(directory)/epoch.json" }
    var indexKey: String { "\(directory)/email.index.key" }
    func publicKey(_ field: RecordField) -> String { "\(directory)/\(field.rawValue).pub.pem" }
    func sealedPrivateKey(_ field: RecordField) -> String { "\(directory)/\(field.rawValue).key.sealed" }
    func tombstone(_ field: RecordField) -> String { "\(directory)/\(field.rawValue).destroyed" }

    /// The files that make up one (epoch, field) key.
    func keyFiles(_ field: RecordField) -> [String] {
        field == .email ? [publicKey(field), sealedPrivateKey(field), indexKey] : [publicKey(field), sealedPrivateKey(field)]
    }
}

/// `epoch.json`: public facts about an epoch, no key material.
struct EpochMetadata: Codable {
    let epoch: UInt32
    let starts: Date?
    let ends: Date?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case epoch, starts, ends
        case createdAt = "created_at"
    }
}

/// `<field>.destroyed`: when a key was destroyed, so that the listing can say so after its files
/// are gone.
struct DestructionRecord: Codable {
    let epoch: UInt32
    let field: RecordField
    let destroyedAt: Date

    enum CodingKeys: String, CodingKey {
        case epoch, field
        case destroyedAt = "destroyed_at"
    }
}

enum KeyJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], describing file: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch {
            throw CryptoError(.keyFile, "\(file) is not a valid key-directory file")
        }
    }
}
