// The register on SQLite: entries read for the export and the statistics (SQLiteRegisterSchema
// writes them).
public import Foundation
import GRDB
import InboxCrypto

extension SQLiteStore: RegisterStore {
    public func registerEntries(receivedFrom from: Date?, to: Date?) async throws -> [RegisterEntry] {
        let arguments: StatementArguments = [from.map(Self.milliseconds) ?? Int64.min, to.map(Self.milliseconds) ?? Int64.max]
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT reference, received_at, language, topic, page, outcome, close_reason, ended_at, first_reply_at, erased_at,
                        deleted_at
                    FROM case_register WHERE received_at >= ? AND received_at < ? ORDER BY received_at, reference
                    """, arguments: arguments
            ).map { row in
                guard let outcome = RecordStatus(rawValue: try row.value("outcome")) else { throw StoreError.corrupt("unknown outcome") }
                func time(_ column: String) throws -> Date? { (try row.value(column) as Int64?).map(Self.date) }
                return RegisterEntry(
                    reference: try Self.reference(try row.value("reference")), receivedAt: Self.date(try row.value("received_at")),
                    language: (try row.value("language") as String?).flatMap(CaseLanguage.init(rawValue:)), topic: try row.value("topic"),
                    page: try row.value("page"), outcome: outcome,
                    closeReason: (try row.value("close_reason") as String?).flatMap(CloseReason.init(rawValue:)),
                    endedAt: try time("ended_at"), firstReplyAt: try time("first_reply_at"), erasedAt: try time("erased_at"),
                    deletedAt: try time("deleted_at"))
            }
        }
    }
}
