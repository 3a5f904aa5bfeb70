// The intake server's WAL checkpoints in the background (WALCheckpointer), with thresholds small
// enough to cross many times: checkpoints run off the commit path, the WAL starts again from its
// beginning instead of growing, and every row written is there, for a reader during the writes
// and after them.
import Foundation
import GRDB
import InboxTestSupport
import Testing

@testable import InboxStore

@Suite("WAL checkpoints in the background")
struct WALCheckpointerTests {
    @Test(
        "two thousand commits: checkpoints ran in the background, the WAL started over instead of growing, nothing is lost",
        arguments: [512, Int32.max])
    func boundedAndComplete(hardLimit: Int32) async throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/inbox.sqlite"
        // With no hard limit to fall back on, only the commit that follows each background
        // checkpoint up lets the WAL start over.
        let checkpointer = WALCheckpointer(path: path, threshold: 64, hardLimit: hardLimit)
        let store = try SQLiteStore(path: path, checkpointer: checkpointer)
        let commits = 2_000
        var largestWAL: Int64 = 0
        for index in 0..<commits {
            try await store.write { db in
                try db.execute(
                    sql: SQLiteIntakeStatements.record, arguments: [String(format: "R%08d", index), "open", index, nil, nil, nil, nil])
                try db.execute(
                    sql: SQLiteIntakeStatements.field, arguments: [db.lastInsertedRowID, "question", Data(count: 1_500), index])
            }
            let size = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int64) ?? 0
            largestWAL = max(largestWAL, size)
            if index % 100 == 99 {
                // A reader, on a connection of its own, sees every commit made so far.
                let count = try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0 }
                #expect(count == index + 1)
            }
        }
        #expect(checkpointer.finishedInBackground > 0)
        // Without checkpoints and restarts the WAL would hold every commit's frames: more than
        // 4,000 of them, 16 MB.
        #expect(largestWAL < 1_000 * 4_120, "\(largestWAL) bytes")
        let (rows, integrity) = try await store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sealed_fields") ?? 0, try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(rows == commits)
        #expect(integrity == "ok")
    }

    @Test("the intake server's store hands its checkpoints to the background; staff commands' stores do not")
    func onlyTheServer() throws {
        let directory = try TemporaryDirectory()
        let server = try SQLiteStore(path: "\(directory.path)/inbox.sqlite", checkpoints: .inBackground)
        let staff = try SQLiteStore(path: "\(directory.path)/inbox.sqlite")
        // SQLite reports its own hook's setting; with a hook of ours installed it is not in force.
        #expect(try staff.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 1_000)
        #expect(try server.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 0)
    }
}
