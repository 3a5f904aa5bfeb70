// Staff's role on PostgreSQL: records, sealed fields, drafts, and the answer recorded in one
// transaction with its audit entry.
public import Foundation
public import InboxCrypto
import PostgresNIO

extension PostgresStore: CaseStore {
    static let recordColumns = """
        r.reference, r.status, r.received_at, r.answered_at, r.held_at, r.hold_reason, r.hold_key,
        r.claimed_by, r.claimed_at, r.closed_at, r.close_reason, r.forwarded_to, r.language, r.topic, r.page, r.spam_at,
        COALESCE((SELECT string_agg(f.field, ',') FROM sealed_fields f WHERE f.record_id = r.id), '') AS fields
        """

    typealias RecordRow = (
        String, String, Date, Date?, Date?, String?, Int64?, String?, Date?, Date?, String?, String?, String?, String?, String?, Date?,
        String
    )

    static func record(_ row: RecordRow) throws -> StoredRecord {
        let (
            reference, status, receivedAt, answeredAt, heldAt, holdReason, holdKey, claimant, claimedAt, closedAt, closeReason, forwardedTo,
            language, topic, page, spamAt, fields
        ) =
            row
        guard let status = RecordStatus(rawValue: status) else { throw StoreError.corrupt("unknown record status") }
        let hold: Hold? =
            if let heldAt, let holdReason { Hold(reason: holdReason, since: heldAt, keyID: holdKey.flatMap { UInt32(exactly: $0) }) } else {
                nil
            }
        let claim: CaseClaim? = if let claimant, let claimedAt { CaseClaim(claimant: claimant, since: claimedAt) } else { nil }
        var closure: CaseClosure? = nil
        if let closedAt, let closeReason {
            guard let reason = CloseReason(rawValue: closeReason) else { throw StoreError.corrupt("unknown close reason") }
            closure = CaseClosure(reason: reason, at: closedAt, forwardedTo: forwardedTo)
        }
        return StoredRecord(
            reference: try Self.reference(reference), status: status, receivedAt: receivedAt, answeredAt: answeredAt, hold: hold,
            fields: Set(fields.split(separator: ",").compactMap { RecordField(rawValue: String($0)) }), claim: claim, closure: closure,
            language: language.flatMap(CaseLanguage.init(rawValue:)), topic: topic, page: page, markedSpamAt: spamAt)
    }

    public func record(_ reference: Reference) async throws -> StoredRecord? {
        try await read { [logger] connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.reference = \(reference.text)", logger: logger)
            for try await row in rows.decode(RecordRow.self) { return try Self.record(row) }
            return nil
        }
    }

    public func records(status: RecordStatus?, held: Bool?) async throws -> [StoredRecord] {
        try await read { [logger] connection in
            let heldCondition = held.map { $0 ? "r.held_at IS NOT NULL" : "r.held_at IS NULL" } ?? "TRUE"
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.recordColumns) FROM records r
                WHERE (\(status?.rawValue)::text IS NULL OR r.status = \(status?.rawValue)) AND \(unescaped: heldCondition)
                ORDER BY r.received_at, r.id
                """, logger: logger)
            var records: [StoredRecord] = []
            for try await row in rows.decode(RecordRow.self) { records.append(try Self.record(row)) }
            return records
        }
    }

    public func recordCount() async throws -> Int {
        try await read { [logger] connection in
            for try await count in try await connection.query("SELECT count(*) FROM records", logger: logger).decode(Int64.self) {
                return Int(count)
            }
            return 0
        }
    }

    public func sealedFields(of reference: Reference) async throws -> [RecordField: Data] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                "SELECT f.field, f.sealed FROM sealed_fields f JOIN records r ON r.id = f.record_id WHERE r.reference = \(reference.text)",
                logger: logger)
            var fields: [RecordField: Data] = [:]
            for try await (name, sealed) in rows.decode((String, Data).self) {
                if let field = RecordField(rawValue: name) { fields[field] = sealed }
            }
            return fields
        }
    }

    public func draft(of reference: Reference) async throws -> Data? {
        try await read { [logger] connection in
            let rows = try await connection.query(
                "SELECT d.sealed FROM answer_drafts d JOIN records r ON r.id = d.record_id WHERE r.reference = \(reference.text)",
                logger: logger)
            for try await sealed in rows.decode(Data.self) { return sealed }
            return nil
        }
    }

    public func saveDraft(_ reference: Reference, sealedDraft: Data, at date: Date, by claimant: String?) async throws {
        try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            try state.checkOpen(reference)
            if let claimant { try state.check(claimant: claimant, reference) }
            try await connection.query(
                """
                INSERT INTO answer_drafts (record_id, sealed, saved_at) VALUES (\(state.id), \(sealedDraft), \(Self.stored(date)))
                ON CONFLICT (record_id) DO UPDATE SET sealed = excluded.sealed, saved_at = excluded.saved_at
                """, logger: logger)
        }
    }

    public func confirmClaim(_ reference: Reference, by claimant: String) async throws {
        try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            try state.checkOpen(reference)
            try state.check(claimant: claimant, reference)
        }
    }

    public func markAnswered(
        _ reference: Reference, sealedAnswer: Data, by claimant: String, at date: Date, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let answered = Self.stored(date)
        return try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            if state.status == .answered {
                throw StoreError.conflict(reference, "was answered meanwhile; the answer recorded first is kept")
            }
            if state.status == .closed || state.status == .spam {
                throw StoreError.conflict(reference, "was \(state.status.rawValue) meanwhile")
            }
            try state.check(heldWith: heldWith, reference)
            try state.check(claimant: claimant, reference)
            try await connection.query(
                """
                UPDATE records SET status = 'answered', answered_at = \(answered), claimed_by = \(claimant),
                    claimed_at = COALESCE(claimed_at, \(answered))
                WHERE id = \(state.id)
                """, logger: logger)
            try await connection.query("UPDATE sealed_fields SET answered_at = \(answered) WHERE record_id = \(state.id)", logger: logger)
            try await connection.query(
                """
                INSERT INTO sealed_fields (record_id, field, sealed, received_at, answered_at)
                SELECT id, 'answer', \(sealedAnswer), received_at, answered_at FROM records WHERE id = \(state.id)
                ON CONFLICT (record_id, field) DO UPDATE SET sealed = excluded.sealed
                """, logger: logger)
            try await Self.deleteWhatEndsWithTheCase(connection, recordID: state.id, logger: logger)
            return try await Self.append(audit, on: connection, logger: logger)
        }
    }

    public func changeClaim(
        _ reference: Reference, from expected: String?, to claimant: String?, at date: Date, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let since = claimant.map { _ in Self.stored(date) }
        return try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            guard state.claimant == expected else { throw StoreError.claimedByOther(reference, claimant: state.claimant) }
            if claimant != nil, state.status != .open {
                throw StoreError.conflict(reference, "is \(state.status.rawValue); there is nothing left to claim")
            }
            try await connection.query(
                "UPDATE records SET claimed_by = \(claimant), claimed_at = \(since) WHERE id = \(state.id)", logger: logger)
            return try await Self.append(audit, on: connection, logger: logger)
        }
    }

    public func markClosed(
        _ reference: Reference, closure: CaseClosure, sealedMessage: Data?, by claimant: String, heldWith: UInt32?, audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let closed = Self.stored(closure.at)
        return try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            guard state.status == .open else { throw StoreError.conflict(reference, "was \(state.status.rawValue) meanwhile") }
            try state.check(heldWith: heldWith, reference)
            try state.check(claimant: claimant, reference)
            try await connection.query(
                """
                UPDATE records SET status = 'closed', closed_at = \(closed), close_reason = \(closure.reason.rawValue),
                    forwarded_to = \(closure.forwardedTo), claimed_by = \(claimant), claimed_at = COALESCE(claimed_at, \(closed))
                WHERE id = \(state.id)
                """, logger: logger)
            try await connection.query("UPDATE sealed_fields SET closed_at = \(closed) WHERE record_id = \(state.id)", logger: logger)
            if let sealedMessage {
                try await connection.query(
                    """
                    INSERT INTO sealed_fields (record_id, field, sealed, received_at, closed_at)
                    SELECT id, 'answer', \(sealedMessage), received_at, closed_at FROM records WHERE id = \(state.id)
                    """, logger: logger)
            }
            try await Self.deleteWhatEndsWithTheCase(connection, recordID: state.id, logger: logger)
            return try await Self.append(audit, on: connection, logger: logger)
        }
    }

    public func markSpam(
        _ reference: Reference, spam: Bool, by person: String, at date: Date, audit: ChainedAppend
    ) async throws
        -> AppendedEntries
    {
        try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            try state.checkSpamChange(to: spam, by: person, reference)
            if spam {
                try await connection.query(
                    """
                    UPDATE records SET status = 'spam', spam_at = \(Self.stored(date)), claimed_by = NULL, claimed_at = NULL
                    WHERE id = \(state.id)
                    """, logger: logger)
                try await Self.deleteWhatEndsWithTheCase(connection, recordID: state.id, logger: logger)
            } else {
                try await connection.query("UPDATE records SET status = 'open', spam_at = NULL WHERE id = \(state.id)", logger: logger)
            }
            return try await Self.append(audit, on: connection, logger: logger)
        }
    }

    public func addNote(
        _ reference: Reference, kind: CaseNoteKind, author: String, sealed: Data, at date: Date, claimedBy: String?, heldWith: UInt32?,
        audit: ChainedAppend
    ) async throws -> AppendedEntries {
        let written = Self.stored(date)
        return try await transaction("write") { [logger] connection in
            let state = try await Self.caseState(connection, reference, logger: logger)
            if kind != .official, state.status != .open {
                throw StoreError.conflict(reference, "is \(state.status.rawValue); only an official note can still be added")
            }
            try state.check(heldWith: heldWith, reference)
            if let claimedBy { try state.check(claimant: claimedBy, reference) }
            try await connection.query(
                """
                INSERT INTO case_notes (record_id, kind, author, written_at, sealed)
                VALUES (\(state.id), \(kind.rawValue), \(author), \(written), \(sealed))
                """, logger: logger)
            return try await Self.append(audit, on: connection, logger: logger)
        }
    }

    public func notes(of reference: Reference) async throws -> [CaseNote] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT n.id, n.kind, n.author, n.written_at, n.sealed FROM case_notes n JOIN records r ON r.id = n.record_id
                WHERE r.reference = \(reference.text) ORDER BY n.id
                """, logger: logger)
            var notes: [CaseNote] = []
            for try await (id, kindText, author, writtenAt, sealed) in rows.decode((Int64, String, String, Date, Data).self) {
                guard let kind = CaseNoteKind(rawValue: kindText) else { throw StoreError.corrupt("unknown note kind") }
                notes.append(CaseNote(id: id, kind: kind, author: author, writtenAt: writtenAt, sealed: sealed))
            }
            return notes
        }
    }

    /// The record's row, locked FOR UPDATE: a colleague's change to the same case waits for this
    /// transaction and then meets the same checks.
    static func caseState(_ connection: PostgresConnection, _ reference: Reference, logger: Logger) async throws -> CaseState {
        let rows = try await connection.query(
            """
            SELECT id, status, claimed_by, COALESCE(hold_key, CASE WHEN held_at IS NOT NULL THEN 0 END)
            FROM records WHERE reference = \(reference.text) FOR UPDATE
            """, logger: logger)
        for try await (id, statusText, claimant, holdKey) in rows.decode((Int64, String, String?, Int64?).self) {
            guard let status = RecordStatus(rawValue: statusText) else { throw StoreError.corrupt("unknown record status") }
            return CaseState(id: id, status: status, claimant: claimant, holdKey: holdKey)
        }
        throw StoreError.notFound(reference)
    }

    /// A case that ends loses its draft (nothing more is sent) and its working notes.
    static func deleteWhatEndsWithTheCase(_ connection: PostgresConnection, recordID: Int64, logger: Logger) async throws {
        try await connection.query("DELETE FROM answer_drafts WHERE record_id = \(recordID)", logger: logger)
        try await connection.query("DELETE FROM case_notes WHERE record_id = \(recordID) AND kind = 'working'", logger: logger)
    }
}
