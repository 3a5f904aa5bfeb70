// What the register export and the statistics read: entries only, never a sealed field.
public import Foundation

public protocol RegisterStore: Sendable {
    /// Entries of cases received in `from ..< to` (nil: unbounded), oldest first.
    func registerEntries(receivedFrom from: Date?, to: Date?) async throws -> [RegisterEntry]
}
