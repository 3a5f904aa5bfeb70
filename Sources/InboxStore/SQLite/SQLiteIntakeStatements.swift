// The statements a submission runs on SQLite, in one place so that a test can read their query
// plans: none may build a temporary b-tree each time it runs, as a CHECK with an IN list of three
// or more values made SQLite do (migration v6 removed them).

enum SQLiteIntakeStatements {
    static let record =
        "INSERT INTO records (reference, status, received_at, spam_at, language, topic, page) VALUES (?, ?, ?, ?, ?, ?, ?)"
    /// The register's entry, written with the record (SQLiteRegisterSchema).
    static let registerEntry = SQLiteRegisterSchema.insertEntry
    static let field = "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (?, ?, ?, ?)"
    static let emailIndex = "INSERT INTO email_index (hmac, epoch, record_id) VALUES (?, ?, ?)"

    static let all = [record, registerEntry, field, emailIndex]
}
