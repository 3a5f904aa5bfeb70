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
                // Bound in the order of each statement's columns (SQLiteIntakeStatements).
                var record = SQLiteInsertion(insertRecord)
                try record.bind(submission.reference.text)
                try record.bind(submission.status.rawValue)
                try record.bind(received)
                try record.bind(spamAt)
                try record.bind(submission.language?.rawValue)
                try record.bind(submission.origin.topic)
                try record.bind(submission.origin.page)
                try record.run()
                let recordID = db.lastInsertedRowID
                // The register's entry, with the record (SQLiteRegisterSchema). Its primary key
                // refuses a reference an entry still holds: the intake draws another.
                var entry = SQLiteInsertion(insertEntry)
                try entry.bind(submission.reference.text)
                try entry.bind(received)
                try entry.bind(submission.language?.rawValue)
                try entry.bind(submission.origin.topic)
                try entry.bind(submission.origin.page)
                try entry.bind(submission.status.rawValue)
                try entry.bind(spamAt)
                try entry.run()
                for (field, sealed) in submission.sealedFields {
                    var row = SQLiteInsertion(insertField)
                    try row.bind(recordID)
                    try row.bind(field.rawValue)
                    try row.bind(sealed)
                    try row.bind(received)
                    try row.run()
                }
                if let index = submission.emailIndex {
                    var row = SQLiteInsertion(insertIndex)
                    try row.bind(index.hmac)
                    try row.bind(Int64(index.epoch))
                    try row.bind(recordID)
                    try row.run()
                }
            }
        }
    }

    /// Takes the write lock and lets it go without writing: proves that a commit could be made.
    public func checkWritable() async throws {
        try await write { _ in () }
    }
}
