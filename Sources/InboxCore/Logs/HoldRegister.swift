// The hold register: every legal hold placed, with the id of its keys, kept in the key directory
// beside the release list. Releasing or erasing a held record destroys the keys the register names
// for it, never the id the database names: whoever can write the database could otherwise point a
// record at another record's hold and have that hold's keys destroyed by an honest release.
//
// One line per hold: `HOLD_KEY REFERENCE HELD_AT HASH`, chained (ChainedListFile).
public import Foundation
public import InboxCrypto
public import InboxStore

public struct HoldRegister: Sendable {
    let file: ChainedListFile

    public init(keys: KeyDirectory) {
        file = ChainedListFile(keys: keys, name: "holds.log", fieldCount: 3, title: "hold register")
    }

    public func record(holdKey: UInt32, reference: Reference, at date: Date) throws {
        try file.append([[String(holdKey), reference.text, date.formatted(.iso8601)]])
    }

    /// The keys of the record's hold that is still in force: the newest registered for it that the
    /// release list does not name. Nil for a record held before holds had keys of their own.
    public func activeHoldKey(of reference: Reference, releases: ReleaseList) throws -> UInt32? {
        let released = Set(try releases.entries().map(\.holdKey))
        return try file.entries().reversed().compactMap { fields -> UInt32? in
            guard fields[1] == reference.text, let key = UInt32(fields[0]), !released.contains(key) else { return nil }
            return key
        }.first
    }
}
