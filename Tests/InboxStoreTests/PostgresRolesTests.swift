// Least privilege, enforced by PostgreSQL: deploy/postgres/roles.sql installed on a fresh database,
// then each role connects and is shown what it may do and, above all, what it may not.
import Foundation
import InboxCrypto
import InboxStore
import InboxTestSupport
import Logging
import PostgresNIO
import Testing

@Suite("PostgreSQL roles", .serialized, .enabled(if: ThrowawayPostgres.shared != nil))
struct PostgresRolesTests {
    let t0 = StoreContract.t0

    /// Whether the database refused for want of a privilege (SQLSTATE 42501), and for nothing else.
    static func isPermissionDenied(_ error: any Error) -> Bool {
        guard case .failed(_, let cause, _)? = error as? StoreError, let failure = cause as? PSQLError else { return false }
        return failure.serverInfo?[.sqlState] == "42501"
    }

    /// Expects `body` to be refused by the database for want of a privilege.
    static func refused(_ what: Comment, _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            try await body()
            Issue.record("allowed, but must be refused: \(what)", sourceLocation: sourceLocation)
        } catch {
            #expect(isPermissionDenied(error), "\(what): \(String(reflecting: error))", sourceLocation: sourceLocation)
        }
    }

    /// A raw statement as `role`, for what no store method does (a log entry rewritten).
    static func raw(_ store: PostgresStore, _ sql: String) async throws {
        try await store.withRunning { try await store.execute(PostgresQuery(unsafeSQL: sql)) }
    }

    @Test("the intake role inserts a submission and checks the schema, and can read, change or delete nothing")
    func intake() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase { owner, database in
            try cluster.installRoles(database: database)
            let submission = try StoreContract.submission(t0)
            let intake = cluster.store(database: database, role: "inbox_intake")
            try await intake.withRunning {
                try await intake.checkSchema()
                try await intake.checkWritable()
                try await intake.insert([submission, try StoreContract.submission(t0, email: false, bytes: 5)])
                await Self.refused("reading a record") { _ = try await intake.record(submission.reference) }
                await Self.refused("reading sealed bytes") { _ = try await intake.sealedFields(of: submission.reference) }
                await Self.refused("looking up an address") {
                    _ = try await intake.references(withEmailIndex: Data(repeating: 1, count: 32))
                }
                await Self.refused("erasing") { _ = try await intake.erase([submission.reference]) }
                await Self.refused("reading the audit log") { _ = try await intake.entries(of: .audit) }
                await Self.refused("appending to the audit log") { _ = try await intake.append(StoreContract.append(.audit, ["{}"])) }
                await Self.refused("purge candidates") {
                    _ = try await intake.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 1)
                }
                await Self.refused("changing a field") { try await intake.execute("UPDATE sealed_fields SET sealed = '\\x00'") }
                await Self.refused("deleting a record") { try await intake.execute("DELETE FROM records") }
                // The register entry comes with the record, written by the owner's trigger: the
                // role can neither read the register nor write an entry of its own.
                await Self.refused("reading the register") { _ = try await intake.registerEntries(receivedFrom: nil, to: nil) }
                await Self.refused("writing a register entry") {
                    try await intake.execute(
                        "INSERT INTO case_register (reference, received_at, outcome) VALUES (\(try Reference.random().text), now(), 'answered')"
                    )
                }
                await Self.refused("calling the register's trigger function") {
                    try await intake.execute("SELECT case_register_received()")
                }
                // It writes through its function alone: no record, field or index entry of its own
                // making, so no address or index entry of its own on someone else's question (which
                // would bring that question to whoever asks for the address's records, and the
                // answer with it). Record 2: the owner's second submission, which has no address.
                let otherID = 2
                await Self.refused("inserting a record itself") {
                    try await intake.execute(
                        "INSERT INTO records (reference, status, received_at) VALUES (\(try Reference.random().text), 'open', now())")
                }
                await Self.refused("adding an address to another record") {
                    try await intake.execute(
                        "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (\(unescaped: String(otherID)), 'email', '\\x00', now())"
                    )
                }
                await Self.refused("indexing another record under an address") {
                    try await intake.execute(
                        "INSERT INTO email_index (hmac, epoch, record_id) VALUES ('\\x00', 1, \(unescaped: String(otherID)))")
                }
                // The function itself refuses a batch whose arrays disagree, and stores nothing of it.
                let refusedBatch = await #expect(throws: StoreError.self) {
                    try await intake.execute(
                        """
                        SELECT intake_insert_submissions(ARRAY[\(try Reference.random().text)], ARRAY[now()], ARRAY[false], ARRAY['sv', 'en'],
                            ARRAY[''], ARRAY[''], ARRAY['\\x01'::bytea], ARRAY[''::bytea], ARRAY[''::bytea], ARRAY[0::bigint])
                        """)
                }
                #expect(
                    refusedBatch.flatMap { error -> String? in
                        guard case .failed(_, let cause, _) = error else { return nil }
                        return (cause as? PSQLError)?.serverInfo?[.sqlState]
                    } == "22023")
                await Self.refused("holding the purge's lock for ever") { try await intake.execute("SELECT pg_try_advisory_lock(1)") }
                await Self.refused("choosing a record's id") {
                    try await intake.execute(
                        "INSERT INTO records (id, reference, status, received_at) OVERRIDING SYSTEM VALUE VALUES (99, 'x', 'open', now())")
                }
            }
            #expect(try await owner.recordCount() == 2)
            #expect(try await owner.sealedFields(of: submission.reference) == submission.sealedFields)
        }
    }

    @Test("row-level security still holds the intake to its own record, should an INSERT be granted to it again")
    func rowLevelSecurityStays() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase { owner, database in
            try cluster.installRoles(database: database)
            let first = try StoreContract.submission(t0, email: false)
            try await owner.insert([first])
            // The grants roles.sql gave the intake before migration v4.
            _ = try await cluster.asAdministrator(database: database) { connection in
                let logger = Logger(label: "test")
                for grant in [
                    "GRANT INSERT (reference, status, received_at, spam_at, language, topic, page) ON records TO inbox_intake",
                    "GRANT INSERT (record_id, field, sealed, received_at) ON sealed_fields TO inbox_intake",
                    "GRANT INSERT (hmac, epoch, record_id) ON email_index TO inbox_intake",
                    "GRANT SELECT ON SEQUENCE records_id_seq TO inbox_intake",
                ] {
                    try await connection.query(PostgresQuery(unsafeSQL: grant), logger: logger)
                }
            }
            let intake = cluster.store(database: database, role: "inbox_intake")
            try await intake.withRunning {
                // With the grants, a record of its own and a field on it are allowed: so what is
                // refused next is refused by the policies, not for want of a grant.
                try await intake.execute(
                    "INSERT INTO records (reference, status, received_at) VALUES (\(try Reference.random().text), 'open', now())",
                    "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (currval('records_id_seq'), 'question', '\\x00', now())"
                )
                await Self.refused("adding an address to another record") {
                    try await intake.execute(
                        "INSERT INTO records (reference, status, received_at) VALUES (\(try Reference.random().text), 'open', now())",
                        "INSERT INTO sealed_fields (record_id, field, sealed, received_at) VALUES (1, 'email', '\\x00', now())")
                }
                await Self.refused("indexing another record under an address") {
                    try await intake.execute(
                        "INSERT INTO records (reference, status, received_at) VALUES (\(try Reference.random().text), 'open', now())",
                        "INSERT INTO email_index (hmac, epoch, record_id) VALUES ('\\x00', 1, 1)")
                }
            }
            #expect(try await owner.record(first.reference)?.fields == [.question])
        }
    }

    @Test("the staff role claims, notes, answers, closes, erases and holds, and can append to a log but never change or remove an entry")
    func staff() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase { owner, database in
            try cluster.installRoles(database: database)
            let answered = try StoreContract.submission(t0)
            let erased = try StoreContract.submission(t0, bytes: 3)
            let closed = try StoreContract.submission(t0, bytes: 5)
            try await owner.insert([answered, erased, closed])
            let staff = cluster.store(database: database, role: "inbox_staff")
            try await staff.withRunning {
                #expect(try await staff.record(answered.reference)?.fields == [.email, .question])
                await Self.refused("storing a submission through the intake's function") {
                    try await staff.insert([try StoreContract.submission(t0, bytes: 7)])
                }
                // The intake's health check would say so of a node connected as this role.
                let notGranted = await #expect(throws: StoreError.self) { try await staff.checkWritable() }
                #expect("\(String(describing: notGranted))".contains("may not call intake_insert_submissions"))
                _ = try await staff.changeClaim(
                    answered.reference, from: nil, to: "staff", at: t0, audit: StoreContract.append(.audit, ["{}"]))
                _ = try await staff.addNote(
                    answered.reference, kind: .official, author: "staff", sealed: Data([2]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
                #expect(try await staff.notes(of: answered.reference).count == 1)
                _ = try await staff.markClosed(
                    closed.reference, closure: CaseClosure(reason: .forwarded, at: t0, forwardedTo: "Skatteverket"),
                    sealedMessage: Data([3]),
                    by: "staff", heldWith: nil, audit: StoreContract.append(.audit, ["{}"]))
                try await staff.saveDraft(answered.reference, sealedDraft: Data([1]), at: t0)
                _ = try await staff.markAnswered(
                    answered.reference, sealedAnswer: Data([9]), by: "staff", at: t0, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
                #expect(try await staff.erase([erased.reference]) == [erased.reference])
                // The register: read, and an erasure noted; an outcome is changed only with the case.
                let entries = try await staff.registerEntries(receivedFrom: nil, to: nil)
                #expect(entries.first { $0.reference == erased.reference }?.shownOutcome == "erased")
                #expect(entries.first { $0.reference == closed.reference }?.outcome == .closed)
                await Self.refused("rewriting an outcome") { try await staff.execute("UPDATE case_register SET outcome = 'answered'") }
                await Self.refused("deleting a register entry") { try await staff.execute("DELETE FROM case_register") }
                await Self.refused("removing audit entries") { _ = try await staff.removeOldest(of: .audit) { $0.last?.id } }
                await Self.refused("rewriting an audit entry") { try await staff.execute("UPDATE audit_log SET body = '\\x7b7d'") }
                await Self.refused("deleting an audit entry") { try await staff.execute("DELETE FROM audit_log") }
                await Self.refused("appending with an id of its own choosing") {
                    try await staff.execute(
                        "INSERT INTO audit_log (id, body, previous_hash, hash) OVERRIDING SYSTEM VALUE VALUES (1000, '\\x7b7d', '\\x00', '\\x00')"
                    )
                }
                await Self.refused("writing the purge log") { _ = try await staff.append(StoreContract.append(.purge, ["{}"])) }
            }
            #expect(try await owner.entries(of: .audit).count == 4)
        }
    }

    @Test("the purge role deletes what expired and keeps its logs, and cannot read a sealed field, an index entry or a draft")
    func purge() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase { owner, database in
            try cluster.installRoles(database: database)
            let record = try StoreContract.submission(t0)
            try await owner.insert([record])
            try await owner.saveDraft(record.reference, sealedDraft: Data([1]), at: t0)
            let noted = try StoreContract.submission(t0, email: false, bytes: 7)
            try await owner.insert([noted])
            for reference in [record.reference, noted.reference] {
                _ = try await owner.addNote(
                    reference, kind: .official, author: "staff", sealed: Data([2]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            let purge = cluster.store(database: database, role: "inbox_purge")
            try await purge.withRunning {
                await Self.refused("storing a submission through the intake's function") {
                    try await purge.insert([try StoreContract.submission(t0, bytes: 7)])
                }
                try await purge.withPurgeLock {
                    let candidates = try await purge.purgeCandidates(field: .email, event: .received, cutoff: t0, limit: 10)
                    #expect(candidates.map(\.reference) == [record.reference])
                    #expect(try await purge.presentReferences([record.reference]) == [record.reference])
                    #expect(try await purge.holdKeysInUse() == [])
                    #expect(try await purge.clearHolds(withKeys: [0x8000_0001]) == [])
                    _ = try await purge.deleteFields(candidates.map { FieldToDelete(recordID: $0.recordID, field: $0.field) })
                    // The question of a case without an answer takes its notes (the purge may delete them, not read them).
                    let questions = try await purge.purgeCandidates(field: .question, event: .received, cutoff: t0, limit: 10)
                    let others = questions.filter { $0.reference == noted.reference }
                    #expect(others.count == 1)
                    _ = try await purge.deleteFields(others.map { FieldToDelete(recordID: $0.recordID, field: $0.field) })
                    // Both records' fields are gone: their entries stay, noted, until the register's own rule.
                    let due = try await purge.registerCandidates(cutoff: t0, limit: 10).map(\.reference)
                    #expect(due == [noted.reference])
                    #expect(try await purge.deleteRegisterEntries(due) == 1)
                    // The suppression list applied again after a restore: the purge role erases.
                    let erased = try StoreContract.submission(t0, email: false, bytes: 9)
                    try await owner.insert([erased])
                    #expect(try await purge.erase([erased.reference], at: t0) == [erased.reference])
                    _ = try await purge.spamCandidates(field: .question, cutoff: t0, limit: 10)
                    _ = try await purge.append(StoreContract.append(.purge, ["{}"]))
                    #expect(try await purge.removeOldest(of: .audit) { $0.first?.id }.count == 1)
                    #expect(try await purge.presentReferences([noted.reference]).isEmpty)
                    try await purge.reclaimDeletedData()
                }
                await Self.refused("reading sealed bytes") { _ = try await purge.sealedFields(of: record.reference) }
                await Self.refused("reading a draft") { _ = try await purge.draft(of: record.reference) }
                await Self.refused("reading a note") { _ = try await purge.notes(of: record.reference) }
                await Self.refused("looking up an address") {
                    _ = try await purge.references(withEmailIndex: Data(repeating: 1, count: 32))
                }
                await Self.refused("reading a hold's reason") { _ = try await purge.record(record.reference) }
                await Self.refused("changing a field") { try await purge.execute("UPDATE sealed_fields SET answered_at = now()") }
                await Self.refused("appending to the audit log") { _ = try await purge.append(StoreContract.append(.audit, ["{}"])) }
                await Self.refused("rewriting an outcome") { try await purge.execute("UPDATE case_register SET outcome = 'spam'") }
            }
            #expect(try await owner.record(record.reference)?.fields == [.question])
            #expect(try await owner.draft(of: record.reference) == nil)
        }
    }

    @Test("roles.sql runs again after a migration, and takes back what it no longer grants")
    func idempotent() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        try await cluster.withDatabase { _, database in
            try cluster.installRoles(database: database)
            _ = try await cluster.asAdministrator(database: database) { connection in
                let logger = Logger(label: "test")
                try await connection.query("GRANT SELECT ON sealed_fields TO inbox_intake", logger: logger)
                // What roles.sql granted the intake before migration v4, and a function of the owner's.
                try await connection.query(
                    "GRANT INSERT (reference, status, received_at, spam_at, language, topic, page) ON records TO inbox_intake",
                    logger: logger)
                try await connection.query("GRANT EXECUTE ON FUNCTION case_register_received() TO inbox_intake", logger: logger)
            }
            try cluster.installRoles(database: database)
            let intake = cluster.store(database: database, role: "inbox_intake")
            try await intake.withRunning {
                await Self.refused("reading sealed bytes after roles.sql ran again") {
                    _ = try await intake.sealedFields(of: try Reference.random())
                }
                await Self.refused("inserting a record itself, as before v4, after roles.sql ran again") {
                    try await intake.execute(
                        "INSERT INTO records (reference, status, received_at) VALUES (\(try Reference.random().text), 'open', now())")
                }
                await Self.refused("calling the register's trigger function after roles.sql ran again") {
                    try await intake.execute("SELECT case_register_received()")
                }
                try await intake.insert([try StoreContract.submission(t0)])
            }
        }
    }
}
