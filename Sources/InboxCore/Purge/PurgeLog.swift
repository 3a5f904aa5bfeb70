// The purge log: one hash-chained entry per purge run, in the database. `verify` finds the first
// entry that was changed, removed or reordered.
import Foundation
public import InboxStore

public struct PurgeLog: Sendable {
    public let store: any InboxStore

    public init(store: any InboxStore) {
        self.store = store
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        // Canonical bytes: the hash covers exactly what is stored.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public func append(_ report: PurgeReport) throws {
        let previous = try store.lastEntry(of: .purge)?.hash ?? HashChain.genesis
        let body = try Self.encoder.encode(report)
        try store.append(
            ChainedLogEntry(
                id: nil, recordedAt: report.ranAt, body: body, previousHash: previous,
                hash: try HashChain.link(previous: previous, body: body)),
            to: .purge)
    }

    /// The newest run's report, if any.
    public func lastReport() throws -> PurgeReport? {
        try store.lastEntry(of: .purge).map { try Self.decoder.decode(PurgeReport.self, from: $0.body) }
    }

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    public func reports() throws -> [PurgeReport] {
        try store.entries(of: .purge).map { try Self.decoder.decode(PurgeReport.self, from: $0.body) }
    }

    /// The id of the first broken entry, or nil when the chain holds.
    public func firstBrokenEntry() throws -> Int64? {
        let entries = try store.entries(of: .purge)
        guard let index = try HashChain.firstBrokenEntry(entries.map { ($0.previousHash, $0.body, $0.hash) }) else { return nil }
        return entries[index].id
    }
}
