// The suppression list (erasure on request): the references erased, kept in the key directory,
// which database restores do not touch. The server at start (on SQLite) and every purge erase these
// references again, so a database restored from an older backup loses them again.
//
// One line per erasure: `REFERENCE ERASED_AT HASH`, chained (ChainedListFile).
public import Foundation
public import InboxCrypto
public import InboxStore

public struct SuppressionList: Sendable {
    public struct Entry: Sendable, Equatable {
        public let reference: Reference
        public let erasedAt: Date
    }

    let file: ChainedListFile

    public init(keys: KeyDirectory) {
        file = ChainedListFile(keys: keys, name: "suppression.log", fieldCount: 2, title: "suppression list")
    }

    public var path: String { file.path }

    /// Every entry, after checking the chain.
    public func entries() throws -> [Entry] {
        try file.entries().enumerated().map { index, fields in
            guard let reference = Reference(parsing: fields[0]), let erasedAt = try? Date(fields[1], strategy: .iso8601) else {
                throw ChainedListError("\(path):\(index + 1): not an entry of the suppression list")
            }
            return Entry(reference: reference, erasedAt: erasedAt)
        }
    }

    /// Appends erased references durably before the caller reports the erasure done.
    public func append(_ references: [Reference], at date: Date) throws {
        let stamp = date.formatted(.iso8601)
        try file.append(references.map { [$0.text, stamp] })
    }
}
