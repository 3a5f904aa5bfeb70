// The release list: every legal hold released, kept in the key directory beside the suppression
// list. A database restored from a backup taken during a hold brings the hold back; the purge reads
// this list and treats such a record as released at the recorded time (its fields are sealed to the
// hold's keys, which the release destroyed), and finishes a release whose keys were not all gone.
//
// One line per release: `HOLD_KEY REFERENCE RELEASED_AT HASH`, chained (ChainedListFile).
public import Foundation
public import InboxCrypto
public import InboxStore

public struct ReleaseList: Sendable {
    public struct Entry: Sendable, Equatable {
        public let holdKey: UInt32
        public let reference: Reference
        public let releasedAt: Date
    }

    let file: ChainedListFile

    public init(keys: KeyDirectory) {
        file = ChainedListFile(keys: keys, name: "releases.log", fieldCount: 3, title: "release list")
    }

    public func entries() throws -> [Entry] {
        try file.entries().enumerated().map { index, fields in
            guard let holdKey = UInt32(fields[0]), let reference = Reference(parsing: fields[1]),
                let releasedAt = try? Date(fields[2], strategy: .iso8601)
            else {
                throw ChainedListError("\(file.path):\(index + 1): not an entry of the release list")
            }
            return Entry(holdKey: holdKey, reference: reference, releasedAt: releasedAt)
        }
    }

    public func append(holdKey: UInt32, reference: Reference, at date: Date) throws {
        try file.append([[String(holdKey), reference.text, date.formatted(.iso8601)]])
    }
}
