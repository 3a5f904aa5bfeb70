// The contract of a team's work on cases, on every engine: claims as a compare-and-set (of many
// people claiming at once exactly one wins), answers and closes only by the claimant, notes and
// interim replies, what ends with a case, and what the purge and a re-seal do with notes.
import Foundation
import InboxCrypto
import InboxStore
import Testing

@Suite("cases: claims, closing, notes")
struct CaseWorkContractTests {
    let t0 = StoreContract.t0
    let day = StoreContract.day

    @Test("of eight people claiming one case at once exactly one wins; the others are told who has it", arguments: StoreEngine.all)
    func concurrentClaims(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            let outcomes = await withTaskGroup(of: (String, String?).self) { group in
                for person in (1...8).map({ "staff\($0)" }) {
                    group.addTask {
                        do {
                            _ = try await store.changeClaim(
                                record.reference, from: nil, to: person, at: self.t0,
                                audit: StoreContract.append(.audit, ["{\"\(person)\":1}"]))
                            return (person, nil)
                        } catch StoreError.claimedByOther(_, let holder) {
                            return (person, holder ?? "nobody")
                        } catch {
                            return (person, "error: \(error)")
                        }
                    }
                }
                var all: [(String, String?)] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            let winners = outcomes.filter { $0.1 == nil }.map(\.0)
            #expect(winners.count == 1)
            let winner = try #require(winners.first)
            #expect(outcomes.filter { $0.1 != nil }.allSatisfy { $0.1 == winner })
            #expect(try await store.record(record.reference)?.claim == CaseClaim(claimant: winner, since: t0))
            // Exactly one audit entry: the winner's.
            #expect(try await store.entries(of: .audit).map(\.body) == [Data("{\"\(winner)\":1}".utf8)])
        }
    }

    @Test(
        "a take-over must name the claim it ends; giving up a claim clears it; an ended case cannot be claimed", arguments: StoreEngine.all)
    func takeOverAndUnclaim(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            _ = try await store.changeClaim(record.reference, from: nil, to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            // Bertil thinks the case is nobody's: refused, and told it is Anna's.
            let stale = await #expect(throws: StoreError.self) {
                try await store.changeClaim(record.reference, from: nil, to: "bertil", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            }
            #expect(stale?.description == "\(record.reference) is claimed by anna")
            _ = try await store.changeClaim(
                record.reference, from: "anna", to: "bertil", at: t0 + day, audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.record(record.reference)?.claim == CaseClaim(claimant: "bertil", since: t0 + day))
            _ = try await store.changeClaim(
                record.reference, from: "bertil", to: nil, at: t0 + day, audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.record(record.reference)?.claim == nil)
            #expect(try await store.entries(of: .audit).count == 3)

            _ = try await store.markAnswered(
                record.reference, sealedAnswer: Data([1]), by: "cecilia", at: t0 + day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.record(record.reference)?.claim?.claimant == "cecilia")
            let ended = await #expect(throws: StoreError.self) {
                try await store.changeClaim(
                    record.reference, from: "cecilia", to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            }
            #expect(ended?.description.contains("is answered") == true)
        }
    }

    @Test("only the claimant answers, closes or sends an interim reply; nothing of a refused one is kept", arguments: StoreEngine.all)
    func onlyTheClaimant(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            _ = try await store.changeClaim(record.reference, from: nil, to: "anna", at: t0, audit: StoreContract.append(.audit, ["{}"]))
            await StoreContract.expectRepliesRefused(store, record.reference, by: "bertil", claimedBy: "bertil")
            // Nor may anyone else keep a draft on it, or be told it is theirs to send on.
            await #expect(throws: StoreError.self) {
                try await store.saveDraft(record.reference, sealedDraft: Data([8]), at: t0, by: "bertil")
            }
            await #expect(throws: StoreError.self) { try await store.confirmClaim(record.reference, by: "bertil") }
            try await store.confirmClaim(record.reference, by: "anna")
            try await store.saveDraft(record.reference, sealedDraft: Data([9]), at: t0, by: "anna")
            #expect(try await store.draft(of: record.reference) == Data([9]))
            let stored = try #require(try await store.record(record.reference))
            #expect(stored.status == .open && stored.claim?.claimant == "anna")
            #expect(try await store.notes(of: record.reference).isEmpty)
            #expect(try await store.sealedFields(of: record.reference)[.answer] == nil)
            #expect(try await store.entries(of: .audit).count == 1)
            // Anyone on the team may write a note; Anna may send an interim reply.
            _ = try await store.addNote(
                record.reference, kind: .working, author: "bertil", sealed: Data([6]), at: t0, claimedBy: nil, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            _ = try await store.addNote(
                record.reference, kind: .interim, author: "anna", sealed: Data([7]), at: t0 + day, claimedBy: "anna", heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            let notes = try await store.notes(of: record.reference)
            #expect(notes.map(\.kind) == [.working, .interim])
            #expect(notes.map(\.author) == ["bertil", "anna"])
            #expect(notes.map(\.sealed) == [Data([6]), Data([7])])
            #expect(try await store.record(record.reference)?.status == .open)
        }
    }

    @Test(
        "closing keeps the message as the answer, starts the closed clock, and takes the draft and working notes",
        arguments: StoreEngine.all)
    func close(engine: StoreEngine) async throws {
        try await engine.run { store in
            let forwarded = try StoreContract.submission(t0)
            let quiet = try StoreContract.submission(t0, bytes: 3)
            try await store.insert([forwarded, quiet])
            for (kind, byte) in [(CaseNoteKind.working, UInt8(1)), (.official, 2), (.interim, 3)] {
                _ = try await store.addNote(
                    forwarded.reference, kind: kind, author: "anna", sealed: Data([byte]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            try await store.saveDraft(forwarded.reference, sealedDraft: Data([8]), at: t0)
            let closure = CaseClosure(reason: .forwarded, at: t0 + day, forwardedTo: "Skatteverket")
            _ = try await store.markClosed(
                forwarded.reference, closure: closure, sealedMessage: Data([9, 9]), by: "anna", heldWith: nil,
                audit: StoreContract.append(.audit, ["{\"close\":1}"]))
            let stored = try #require(try await store.record(forwarded.reference))
            #expect(stored.status == .closed && stored.closure == closure && stored.answeredAt == nil)
            #expect(stored.claim?.claimant == "anna")
            #expect(try await store.sealedFields(of: forwarded.reference)[.answer] == Data([9, 9]))
            #expect(try await store.draft(of: forwarded.reference) == nil)
            // Nothing more is written to an ended case: no draft, no confirmation to send.
            await #expect(throws: StoreError.self) { try await store.saveDraft(forwarded.reference, sealedDraft: Data([8]), at: t0) }
            await #expect(throws: StoreError.self) { try await store.confirmClaim(forwarded.reference, by: "anna") }
            #expect(try await store.draft(of: forwarded.reference) == nil)
            #expect(try await store.notes(of: forwarded.reference).map(\.kind) == [.official, .interim])
            // A working note or an interim reply on an ended case is refused; an official note is not.
            await #expect(throws: StoreError.self) {
                try await store.addNote(
                    forwarded.reference, kind: .working, author: "anna", sealed: Data([1]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            _ = try await store.addNote(
                forwarded.reference, kind: .official, author: "anna", sealed: Data([4]), at: t0 + day, claimedBy: nil, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            // The close time is an event the purge's range queries find, on every field.
            let byClose = try await store.purgeCandidates(field: .email, event: .closed, cutoff: t0 + 2 * day, limit: 10)
            #expect(byClose.map(\.reference) == [forwarded.reference])
            #expect(byClose.first?.closedAt == t0 + day)
            #expect(try await store.purgeCandidates(field: .answer, event: .closed, cutoff: t0 + 2 * day, limit: 10).count == 1)
            #expect(try await store.purgeCandidates(field: .email, event: .closed, cutoff: t0, limit: 10).isEmpty)

            _ = try await store.markClosed(
                quiet.reference, closure: CaseClosure(reason: .noAnswerNeeded, at: t0, forwardedTo: nil), sealedMessage: nil, by: "bertil",
                heldWith: nil, audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.sealedFields(of: quiet.reference)[.answer] == nil)
            #expect(try await store.records(status: .closed, held: nil).count == 2)
            let twice = await #expect(throws: StoreError.self) {
                try await store.markAnswered(
                    quiet.reference, sealedAnswer: Data([1]), by: "bertil", at: t0, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            #expect(twice?.description.contains("closed meanwhile") == true)
        }
    }

    @Test("answering deletes the working notes and keeps official notes and interim replies", arguments: StoreEngine.all)
    func answerEndsWorkingNotes(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            for kind in [CaseNoteKind.working, .official, .working, .interim] {
                _ = try await store.addNote(
                    record.reference, kind: kind, author: "anna", sealed: Data([1]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            _ = try await store.markAnswered(
                record.reference, sealedAnswer: Data([2]), by: "anna", at: t0 + day, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            #expect(try await store.notes(of: record.reference).map(\.kind) == [.official, .interim])
        }
    }

    @Test("notes go with the answer, or with the question of a case without one", arguments: StoreEngine.all)
    func purgeTakesNotes(engine: StoreEngine) async throws {
        try await engine.run { store in
            let answered = try StoreContract.submission(t0)
            let unanswered = try StoreContract.submission(t0, bytes: 3)
            try await store.insert([answered, unanswered])
            for record in [answered, unanswered] {
                _ = try await store.addNote(
                    record.reference, kind: .official, author: "anna", sealed: Data([1]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
            _ = try await store.markAnswered(
                answered.reference, sealedAnswer: Data([2]), by: "anna", at: t0, heldWith: nil, audit: StoreContract.append(.audit, ["{}"]))
            let ids = try await store.purgeCandidates(field: .question, event: .received, cutoff: t0, limit: 10)
            // The question of the answered case goes: its notes stay with its answer.
            _ = try await store.deleteFields(ids.map { FieldToDelete(recordID: $0.recordID, field: .question) })
            #expect(try await store.notes(of: answered.reference).count == 1)
            #expect(try await store.notes(of: unanswered.reference).isEmpty)
            let answer = try await store.purgeCandidates(field: .answer, event: .received, cutoff: t0, limit: 10)
            _ = try await store.deleteFields(answer.map { FieldToDelete(recordID: $0.recordID, field: .answer) })
            #expect(try await store.notes(of: answered.reference).isEmpty)
        }
    }

    @Test("a re-seal refuses when a note or a draft was written since it read the record", arguments: StoreEngine.all)
    func resealSeesNewNotes(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            _ = try await store.addNote(
                record.reference, kind: .working, author: "anna", sealed: Data([1]), at: t0, claimedBy: nil, heldWith: nil,
                audit: StoreContract.append(.audit, ["{}"]))
            let hold = Hold(reason: "court order", since: t0, keyID: 7)
            let missed = await #expect(throws: StoreError.self) {
                try await store.reseal(
                    record.reference, sealedFields: try await store.sealedFields(of: record.reference), sealedDraft: nil, sealedNotes: [:],
                    emailIndex: nil, hold: hold)
            }
            #expect(missed?.description.contains("note added") == true)
            #expect(try await store.record(record.reference)?.hold == nil)
            let note = try #require(try await store.notes(of: record.reference).first)
            try await store.saveDraft(record.reference, sealedDraft: Data([3]), at: t0)
            await #expect(throws: StoreError.self) {
                try await store.reseal(
                    record.reference, sealedFields: try await store.sealedFields(of: record.reference), sealedDraft: nil,
                    sealedNotes: [note.id: Data([2])], emailIndex: nil, hold: hold)
            }
            try await store.reseal(
                record.reference, sealedFields: try await store.sealedFields(of: record.reference), sealedDraft: Data([4]),
                sealedNotes: [note.id: Data([2])], emailIndex: nil, hold: hold)
            #expect(try await store.notes(of: record.reference).map(\.sealed) == [Data([2])])
            #expect(try await store.record(record.reference)?.hold == hold)
            // Sealed for the record unheld: refused now that it is held.
            await #expect(throws: StoreError.self) {
                try await store.addNote(
                    record.reference, kind: .working, author: "anna", sealed: Data([1]), at: t0, claimedBy: nil, heldWith: nil,
                    audit: StoreContract.append(.audit, ["{}"]))
            }
        }
    }

    @Test("a re-seal refuses when an answer or a closing message was recorded since it read the fields", arguments: StoreEngine.all)
    func resealSeesNewAnswer(engine: StoreEngine) async throws {
        try await engine.run { store in
            let record = try StoreContract.submission(t0)
            try await store.insert([record])
            let read = try await store.sealedFields(of: record.reference)
            _ = try await store.markAnswered(
                record.reference, sealedAnswer: Data([5]), by: "anna", at: t0, heldWith: nil, audit: StoreContract.append(.audit, ["{}"]))
            let hold = Hold(reason: "court order 12-34", since: t0, keyID: 7)
            let missed = await #expect(throws: StoreError.self) {
                try await store.reseal(
                    record.reference, sealedFields: read, sealedDraft: nil, sealedNotes: [:], emailIndex: nil, hold: hold)
            }
            #expect(missed?.description.contains("answered, closed or purged meanwhile") == true)
            #expect(try await store.record(record.reference)?.hold == nil)
        }
    }

    @Test("the language of the form is kept with the record", arguments: StoreEngine.all)
    func language(engine: StoreEngine) async throws {
        try await engine.run { store in
            let plain = try StoreContract.submission(t0)
            let english = NewSubmission(
                reference: try Reference.random(), receivedAt: t0, sealedFields: [.question: Data([1])], emailIndex: nil, language: .en)
            try await store.insert([plain, english])
            #expect(try await store.record(plain.reference)?.language == nil)
            #expect(try await store.record(english.reference)?.language == .en)
        }
    }
}
