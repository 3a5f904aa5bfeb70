// The intake node's role on SQLite: one transaction per group commit, and the health check.
import GRDB
import InboxCrypto

extension SQLiteStore: IntakeStore {
    public func insert(_ submissions: [NewSubmission]) async throws {
        try await write { db in
            // Cached statements: a group commit inserts many submissions with the same four.
            let insertRecord = try db.cachedStatement(sql: SQLiteIntakeStatements.record)
            let insertEntry = try db.cachedStatement(sql: SQLiteIntakeStatements.registerEntry)
            let insertField = try db.cachedStatement(sql: SQLiteIntakeStatements.field)
            let insertIndex = try db.cachedStatement(sql: SQLiteIntakeStatements.emailIndex)
            for submission in submissions {
                let received = Self.milliseconds(submission.receivedAt)
                let spamAt: Int64? = submission.isSpam ? received : nil
                try insertRecord.execute(arguments: [
                    submission.reference.text, submission.status.rawValue, received, spamAt, submission.language?.rawValue,
                    submission.origin.topic, submission.origin.page,
                ])
                let recordID = db.lastInsertedRowID
                // The register's entry, with the record (SQLiteRegisterSchema). Its primary key
                // refuses a reference an entry still holds: the intake draws another.
                try insertEntry.execute(arguments: [
                    submission.reference.text, received, submission.language?.rawValue, submission.origin.topic,
                    submission.origin.page, submission.status.rawValue, spamAt,
                ])
                for (field, sealed) in submission.sealedFields {
                    try insertField.execute(arguments: [recordID, field.rawValue, sealed, received])
                }
                if let index = submission.emailIndex {
                    try insertIndex.execute(arguments: [index.hmac, Int64(index.epoch), recordID])
                }
            }
        }
    }

    /// Takes the write lock and lets it go without writing: proves that a commit could be made.
    public func checkWritable() async throws {
        try await write { _ in () }
    }
}
