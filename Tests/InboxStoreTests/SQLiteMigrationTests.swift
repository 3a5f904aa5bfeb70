// Migration v6 rebuilds the intake's three tables: a database made by v5, with cases in every
// state, comes out with the same rows, the same ids still never given twice, the same checks and
// register triggers, sealed fields without overflow pages, and intake statements that build no
// temporary b-tree per run.
import Foundation
import GRDB
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("SQLite migrations")
struct SQLiteMigrationTests {
    static let lastBeforeRebuild = "v5 spam, topics and pages, the register"
    /// About the size of a sealed 1 KB question: more than a WITHOUT ROWID row keeps in place.
    static let sealedQuestion = Data(repeating: 0xA5, count: 1_150)

    /// A v5 database: an open case with both fields and an index entry, an answered one, a spam
    /// one with an interim reply, and a record deleted at the top of the id range.
    func databaseAtV5(_ path: String) throws {
        let pool = try DatabasePool(path: path)
        try SQLiteMigrations.migrator.migrate(pool, upTo: Self.lastBeforeRebuild)
        try pool.write { db in
            for (reference, status, answered, spam) in [
                ("AAAA-1111", "open", nil, nil), ("BBBB-2222", "answered", 2_000 as Int64?, nil),
                ("CCCC-3333", "spam", nil, 3_000 as Int64?), ("DDDD-4444", "open", nil, nil),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO records (reference, status, received_at, answered_at, spam_at, language, topic, page)
                        VALUES (?, ?, 1000, ?, ?, 'sv', 'bygglov', '/bygga')
                        """, arguments: [reference, status, answered, spam])
                try db.execute(
                    sql: SQLiteRegisterSchema.insertEntry, arguments: [reference, 1_000, "sv", "bygglov", "/bygga", "open", nil])
            }
            try db.execute(
                sql: """
                    INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (1, 'email', x'0102', 1000), (1, 'question', ?, 1000),
                        (2, 'question', ?, 1000);
                    INSERT INTO sealed_fields (record_id, field, sealed, received_at, answered_at) VALUES (2, 'answer', x'03', 1000, 2000);
                    INSERT INTO email_index (hmac, epoch, record_id) VALUES (x'0A0B', 1, 1);
                    INSERT INTO case_notes (record_id, kind, author, written_at, sealed) VALUES (3, 'interim', 'staff', 2500, x'04');
                    DELETE FROM records WHERE reference = 'DDDD-4444';
                    """, arguments: [Self.sealedQuestion, Self.sealedQuestion])
        }
    }

    static func rows(_ db: Database, _ sql: String) throws -> [String] {
        try Row.fetchAll(db, sql: sql).map(\.description)
    }

    static let snapshots = [
        "SELECT * FROM records ORDER BY id",
        "SELECT record_id, field, hex(sealed), received_at, answered_at, closed_at FROM sealed_fields ORDER BY record_id, field",
        "SELECT * FROM case_register ORDER BY reference",
        "SELECT * FROM email_index",
        "SELECT * FROM case_notes",
    ]

    @Test("a v5 database keeps every row, its ids' high-water mark, checks and triggers through v6")
    func rebuildKeepsEverything() throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/inbox.sqlite"
        try databaseAtV5(path)
        let before = try DatabaseQueue(path: path).read { db in try Self.snapshots.map { try Self.rows(db, $0) } }
        #expect(before[0].count == 3 && before[1].count == 4)

        let store = try SQLiteStore(path: path)
        try store.pool.write { db in
            #expect(try Self.snapshots.map { try Self.rows(db, $0) } == before)
            // The deleted record's id (4) is not given again.
            try db.execute(sql: SQLiteIntakeStatements.record, arguments: ["EEEE-5555", "open", 1_000, nil, nil, nil, nil])
            #expect(db.lastInsertedRowID == 5)
            // The checks, now written as comparisons, still refuse what they refused.
            for bad in [
                "INSERT INTO records (reference, status, received_at) VALUES ('FFFF-6666', 'pending', 1)",
                "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (1, 'name', x'00', 1)",
                "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (1, 'email', x'00', 1)",
                "INSERT INTO case_register (reference, received_at, outcome) VALUES ('FFFF-6666', 1, 'lost')",
            ] {
                #expect(throws: DatabaseError.self, "\(bad)") { try db.execute(sql: bad) }
            }
            // The register's triggers are back: a status change and a reply reach the entry.
            try db.execute(sql: "UPDATE records SET status = 'closed', closed_at = 4000, close_reason = 'no-answer-needed' WHERE id = 1")
            try db.execute(
                sql: "INSERT INTO sealed_fields (record_id, field, sealed, received_at, closed_at) VALUES (1, 'answer', x'05', 1000, 4000)")
            try db.execute(sql: SQLiteRegisterSchema.insertEntry, arguments: ["EEEE-5555", 1_000, nil, nil, nil, "open", nil])
            try db.execute(
                sql: "INSERT INTO case_notes (record_id, kind, author, written_at, sealed) VALUES (5, 'interim', 'staff', 4600, x'07')")
            let entries = try Row.fetchAll(
                db, sql: "SELECT reference, outcome, ended_at, first_reply_at FROM case_register ORDER BY reference")
            #expect(entries.map { $0["reference"] as String } == ["AAAA-1111", "BBBB-2222", "CCCC-3333", "DDDD-4444", "EEEE-5555"])
            #expect(entries[0]["outcome"] as String == "closed" && entries[0]["ended_at"] as Int64? == 4_000)
            #expect(entries[0]["first_reply_at"] as Int64? == 4_000)
            #expect(entries[4]["first_reply_at"] as Int64? == 4_600)
        }
    }

    @Test("a sealed question stays in its table's leaf page, on a new database and on a migrated one")
    func noOverflowPages() throws {
        let directory = try TemporaryDirectory()
        try databaseAtV5("\(directory.path)/migrated.sqlite")
        let fresh = try SQLiteStore(path: "\(directory.path)/fresh.sqlite")
        try fresh.pool.write { db in
            try db.execute(sql: SQLiteIntakeStatements.record, arguments: ["AAAA-1111", "open", 1_000, nil, nil, nil, nil])
            try db.execute(sql: SQLiteIntakeStatements.field, arguments: [db.lastInsertedRowID, "question", Self.sealedQuestion, 1_000])
        }
        for store in [try SQLiteStore(path: "\(directory.path)/migrated.sqlite"), fresh] {
            let pages = try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT pagetype, count(*) AS pages FROM dbstat WHERE name = 'sealed_fields' GROUP BY pagetype")
            }
            #expect(pages.map { $0["pagetype"] as String } == ["leaf"], "\(pages)")
        }
    }

    @Test("a submission's record feeds only the indexes that queries use")
    func recordIndexes() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        let indexes = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'records' ORDER BY name")
        }
        #expect(indexes == ["records_received_at", "records_spam_at", "sqlite_autoindex_records_1"])
    }

    @Test("no statement of a submission builds a temporary b-tree each time it runs")
    func intakeStatementsBuildNoEphemeralTable() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        // On the writer: SQLite leaves CHECK constraints out of a plan made on a read-only connection.
        try store.pool.writeWithoutTransaction { db in
            for statement in SQLiteIntakeStatements.all {
                let placeholders = statement.filter { $0 == "?" }.count
                let plan = try Row.fetchAll(
                    db, sql: "EXPLAIN \(statement)",
                    arguments: StatementArguments(Array(repeating: DatabaseValue.null, count: placeholders)))
                let opcodes = plan.map { $0["opcode"] as String }
                #expect(opcodes.contains("Insert") || opcodes.contains("IdxInsert"), "\(statement)")
                #expect(!opcodes.contains("OpenEphemeral"), "\(statement)")
            }
        }
    }
}
