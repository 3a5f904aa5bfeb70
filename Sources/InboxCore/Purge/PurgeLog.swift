// The purge log: one hash-chained entry per purge run, in the database, anchored in the key
// directory like the audit log. Its newest entry says when the purge last ran, which the purge's
// clock check trusts only because the anchor vouches for it.
import Foundation
public import InboxCrypto
public import InboxStore

public struct PurgeLog: Sendable {
    public let chain: AnchoredLog

    public init(store: any LogStore, keys: KeyDirectory) {
        chain = AnchoredLog(store: store, keys: keys, log: .purge, title: "purge log")
    }

    public func append(_ report: PurgeReport) async throws {
        try await chain.append(try CanonicalJSON.encoder.encode(report))
    }

    /// The newest run's report, checked against the anchor; nil before the first run.
    public func lastReport() async throws -> PurgeReport? {
        try await chain.verifiedTail().map { try CanonicalJSON.decoder.decode(PurgeReport.self, from: $0.body) }
    }

    public func reports() async throws -> [PurgeReport] {
        try await chain.entries().map { try CanonicalJSON.decoder.decode(PurgeReport.self, from: $0.body) }
    }

    public func verify() async throws -> AnchoredLog.Verification {
        try await chain.verify()
    }
}
