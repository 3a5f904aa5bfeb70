// Where an (epoch, field) key is in its life, as `inbox keys list` shows it.
public import Foundation

public enum EpochKeyState: String, Sendable, Codable {
    /// Epoch 0: the hold keys, never destroyed by time.
    case hold
    /// The epoch that contains now: new fields are sealed to it.
    case current
    /// Created ahead, so that rotation never waits for a person.
    case future
    /// Past; its fields stay readable until the purge destroys the key.
    case retired
    /// Deleted: every ciphertext sealed to it, anywhere, is unreadable.
    case destroyed
    /// Some of its files are missing without a record of destruction: a damaged key directory.
    case incomplete
}

/// One (epoch, field) key as listed.
public struct EpochKeyStatus: Sendable, Codable, Equatable {
    public let epoch: UInt32
    public let field: RecordField
    public let state: EpochKeyState
    /// Nil for the hold epoch.
    public let starts: Date?
    public let ends: Date?
    public let createdAt: Date?
    public let destroyedAt: Date?
}
