// The files of one key set (a calendar epoch's, or a legal hold's) inside the key directory.
import Foundation

/// `epochs/<epoch>/` or `holds/<hold>/` holds, for each field, `<field>.pub.pem` (the server seals
/// with it) and `<field>.key.sealed` (the private half sealed to the master key), and
/// `email.index.key` (the HMAC key of the email index). Which of them exist is the key's state:
/// there is no marker file that could disagree with them.
struct EpochKeyFiles {
    let directory: String

    var indexKey: String { "\(directory)/email.index.key" }
    func publicKey(_ field: RecordField) -> String { "\(directory)/\(field.rawValue).pub.pem" }
    func sealedPrivateKey(_ field: RecordField) -> String { "\(directory)/\(field.rawValue).key.sealed" }

    /// The files that make up one (epoch, field) key, in the order destruction deletes them: the
    /// sealed private key first, since it is what opens fields; the public key last, since while
    /// it is there the key is listed as still being destroyed.
    func keyFiles(_ field: RecordField) -> [String] {
        field == .email ? [sealedPrivateKey(field), indexKey, publicKey(field)] : [sealedPrivateKey(field), publicKey(field)]
    }

    /// How many of the key's files are present, and how many it has.
    func presence(_ field: RecordField) -> (present: Int, of: Int) {
        let files = keyFiles(field)
        return (files.filter(KeyFileSystem.exists).count, files.count)
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
