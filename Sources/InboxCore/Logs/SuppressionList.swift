// The suppression list (DESIGN.md "Erasure on request"): the references erased on request, kept
// in the key directory, which database restores do not touch. The server at start and every purge
// erase these references again, so a database restored from an older backup loses them again.
//
// One line per erasure: `REFERENCE ERASED_AT HASH`, where HASH = hex SHA-256(previous hash ||
// "REFERENCE ERASED_AT"). References are not personal data.
public import Foundation
import Glibc
import InboxCrypto
public import InboxStore

public struct SuppressionList: Sendable {
    public struct Entry: Sendable, Equatable {
        public let reference: Reference
        public let erasedAt: Date
    }

    public let path: String

    public init(keyDirectory: String) {
        path = "\(keyDirectory)/suppression.log"
    }

    /// Every entry, after checking the chain. A list that fails its check is an error: a purge
    /// must not silently forget erasures.
    public func entries() throws -> [Entry] {
        try read().entries
    }

    private func read() throws -> (entries: [Entry], lastHash: Data) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], HashChain.genesis) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SuppressionListError("cannot read the suppression list \(path)")
        }
        var entries: [Entry] = []
        var previous = HashChain.genesis
        for (index, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let reference = Reference(parsing: String(parts[0])),
                let erasedAt = try? Date(String(parts[1]), strategy: .iso8601),
                let hash = Data(hexString: String(parts[2]))
            else {
                throw SuppressionListError("\(path):\(index + 1): not an entry of the suppression list")
            }
            let body = Data("\(parts[0]) \(parts[1])".utf8)
            guard try HashChain.link(previous: previous, body: body) == hash else {
                throw SuppressionListError("\(path):\(index + 1): the hash chain is broken; the list was changed")
            }
            previous = hash
            entries.append(Entry(reference: reference, erasedAt: erasedAt))
        }
        return (entries, previous)
    }

    /// Appends erased references durably (fsync) before the caller reports the erasure done.
    public func append(_ references: [Reference], at date: Date) throws {
        var previous = try read().lastHash
        var lines = ""
        let stamp = date.formatted(.iso8601)
        for reference in references {
            let body = "\(reference.text) \(stamp)"
            let hash = try HashChain.link(previous: previous, body: Data(body.utf8))
            lines += "\(body) \(hash.hexString)\n"
            previous = hash
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SuppressionListError("cannot open the suppression list \(path) for writing") }
        defer { close(descriptor) }
        let bytes = Array(lines.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw SuppressionListError("cannot write the suppression list \(path)")
        }
    }
}

public struct SuppressionListError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Data {
    init?(hexString: String) {
        guard hexString.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        var index = hexString.startIndex
        while index < hexString.endIndex {
            let next = hexString.index(index, offsetBy: 2)
            guard let byte = UInt8(hexString[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
