// A hash-chained list kept in the key directory, which database restores do not touch: the
// suppression list (references erased on request) and the release list (holds released). One line
// per entry, its fields separated by single spaces and followed by
// `HASH = hex SHA-256(previous hash || the line's fields as written)`. No field holds personal data.
//
// Appending reads the list, checks its chain and writes it back whole under the key directory's
// lock, through a unique temporary file that is flushed and renamed into place: two commands at
// once can never fork the chain, and a crash leaves the old list or the new, never half a line.
import Foundation
import InboxCrypto

struct ChainedListFile: Sendable {
    let keys: KeyDirectory
    let name: String
    /// How many fields an entry has, before its hash.
    let fieldCount: Int
    /// "suppression list", for messages.
    let title: String

    var path: String { "\(keys.path)/\(name)" }

    /// Every entry's fields, oldest first, after checking the chain. A list that fails its check is
    /// an error: nothing may silently forget an erasure or a release.
    func entries() throws -> [[String]] {
        try read().entries
    }

    /// Appends entries durably before the caller reports what they record as done.
    func append(_ entries: [[String]]) throws {
        guard !entries.isEmpty else { return }
        try keys.withExclusiveLock {
            let (_, text, lastHash) = try read()
            var previous = lastHash
            var lines = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
            for fields in entries {
                guard fields.count == fieldCount, fields.allSatisfy(Self.isField) else {
                    throw ChainedListError("an entry of the \(title) must be \(fieldCount) fields without spaces")
                }
                let body = fields.joined(separator: " ")
                let hash = try HashChain.link(previous: previous, body: Data(body.utf8))
                lines += "\(body) \(hash.hexString)\n"
                previous = hash
            }
            try keys.replaceFile(named: name, with: Array(lines.utf8))
        }
    }

    private func read() throws -> (entries: [[String]], text: String, lastHash: Data) {
        guard let bytes = try keys.readFile(named: name) else { return ([], "", HashChain.genesis) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ChainedListError("the \(title) \(path) is not UTF-8 text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var entries: [[String]] = []
        var previous = HashChain.genesis
        for (index, line) in lines.enumerated() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == fieldCount + 1, let hashText = parts.last, let hash = Data(hexString: hashText) else {
                throw ChainedListError("\(path):\(index + 1): not an entry of the \(title)")
            }
            let fields = Array(parts.dropLast())
            guard try HashChain.link(previous: previous, body: Data(fields.joined(separator: " ").utf8)) == hash else {
                throw ChainedListError("\(path):\(index + 1): the hash chain is broken; the \(title) was changed")
            }
            previous = hash
            entries.append(fields)
        }
        return (entries, text, previous)
    }

    private static func isField(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
    }
}

public struct ChainedListError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
