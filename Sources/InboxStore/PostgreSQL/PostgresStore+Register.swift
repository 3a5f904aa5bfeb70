// The register on PostgreSQL: entries read for the export and the statistics (PostgresRegisterSchema
// writes them).
public import Foundation
import InboxCrypto
import PostgresNIO

extension PostgresStore: RegisterStore {
    public func registerEntries(receivedFrom from: Date?, to: Date?) async throws -> [RegisterEntry] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT reference, received_at, language, topic, page, outcome, close_reason, ended_at, first_reply_at, erased_at, deleted_at
                FROM case_register
                WHERE (\(from)::timestamptz IS NULL OR received_at >= \(from)) AND (\(to)::timestamptz IS NULL OR received_at < \(to))
                ORDER BY received_at, reference
                """, logger: logger)
            var entries: [RegisterEntry] = []
            for try await row in rows.decode(
                (String, Date, String?, String?, String?, String, String?, Date?, Date?, Date?, Date?).self)
            {
                let (reference, received, language, topic, page, outcome, closeReason, ended, firstReply, erased, deleted) = row
                guard let status = RecordStatus(rawValue: outcome) else { throw StoreError.corrupt("unknown outcome") }
                entries.append(
                    RegisterEntry(
                        reference: try Self.reference(reference), receivedAt: received,
                        language: language.flatMap(CaseLanguage.init(rawValue:)),
                        topic: topic, page: page, outcome: status, closeReason: closeReason.flatMap(CloseReason.init(rawValue:)),
                        endedAt: ended, firstReplyAt: firstReply, erasedAt: erased, deletedAt: deleted))
            }
            return entries
        }
    }
}
