// What every role's contract suite shares: submissions made of recognisable bytes, and a clock.
import Foundation
import InboxCrypto
import InboxStore
import Testing

enum StoreContract {
    static let day: TimeInterval = 86_400
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// A submission whose sealed fields are `bytes` repeated (the store never opens them), with an
    /// index entry of `bytes` when it has an address.
    static func submission(_ received: Date, email: Bool = true, bytes: UInt8 = 1) throws -> NewSubmission {
        var fields: [RecordField: Data] = [.question: Data(repeating: bytes, count: 40)]
        if email { fields[.email] = Data(repeating: bytes &+ 1, count: 30) }
        return NewSubmission(
            reference: try Reference.random(), receivedAt: received, sealedFields: fields,
            emailIndex: email ? EmailIndexEntry(hmac: Data(repeating: bytes, count: 32), epoch: 202611) : nil)
    }

    /// Expects `staff` to be refused each reply to the citizen: the answer, a close with no
    /// answer, an interim reply. Returns the answer's refusal, whose words a caller may check.
    @discardableResult
    static func expectRepliesRefused(
        _ store: any InboxStore, _ reference: Reference, by staff: String, claimedBy: String?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> StoreError? {
        let answered = await #expect(throws: StoreError.self, sourceLocation: sourceLocation) {
            try await store.markAnswered(
                reference, sealedAnswer: Data([1]), by: staff, at: t0, heldWith: nil, audit: append(.audit, ["{}"]))
        }
        await #expect(throws: StoreError.self, sourceLocation: sourceLocation) {
            try await store.markClosed(
                reference, closure: CaseClosure(reason: .noAnswerNeeded, at: t0, forwardedTo: nil), sealedMessage: nil, by: staff,
                heldWith: nil, audit: append(.audit, ["{}"]))
        }
        await #expect(throws: StoreError.self, sourceLocation: sourceLocation) {
            try await store.addNote(
                reference, kind: .interim, author: staff, sealed: Data([2]), at: t0, claimedBy: claimedBy, heldWith: nil,
                audit: append(.audit, ["{}"]))
        }
        return answered
    }

    /// An append of entries with the given bodies, chained from the tail with made-up hashes (the
    /// store checks no hash: the anchored log above it does).
    static func append(
        _ log: ChainedLogName, _ bodies: [String], beforeCommit: @escaping @Sendable () throws -> Void = {}
    )
        -> ChainedAppend
    {
        ChainedAppend(
            log: log,
            entries: { tail in
                var previous = tail?.hash ?? Data(count: 32)
                return bodies.map { body in
                    let hash = Data(repeating: UInt8(truncatingIfNeeded: previous.first.map { Int($0) + 1 } ?? 1), count: 32)
                    defer { previous = hash }
                    return NewChainedEntry(body: Data(body.utf8), previousHash: previous, hash: hash)
                }
            },
            beforeCommit: { _, _ in try beforeCommit() })
    }
}
