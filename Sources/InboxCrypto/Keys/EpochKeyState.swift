// Where an (epoch, field) key is in its life, as `inbox keys list` shows it. Computed from the key
// files present and the calendar, never from a file that could say otherwise.
public import Foundation

public enum EpochKeyState: String, Sendable, Codable {
    /// A legal hold's key: kept until the hold is released.
    case hold
    /// The epoch that contains now: new fields are sealed to it.
    case current
    /// Created ahead, so that rotation never waits for a person.
    case future
    /// Past; its fields stay readable until the purge destroys the key.
    case retired
    /// Some of its files are gone and some remain: a destruction that has not finished (the next
    /// purge finishes it), or a key directory damaged by hand.
    case destroying
    /// None of its files remain: every ciphertext sealed to it, anywhere, is unreadable.
    case destroyed
}

/// One (epoch, field) key as listed.
public struct EpochKeyStatus: Sendable, Equatable {
    /// The calendar epoch (YYYYMM), or a hold's key id.
    public let epoch: UInt32
    public let field: RecordField
    public let state: EpochKeyState
    /// The epoch's dates, from its number and the calendar; nil for a hold's key.
    public let starts: Date?
    public let ends: Date?

    public var isHoldKey: Bool { SealedField.isHoldKey(epoch) }
}
