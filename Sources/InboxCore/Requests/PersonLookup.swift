// Finds a person's records from their address, for access and erasure requests (GDPR art. 15 and
// 17), without the address being stored: its HMAC under each live epoch's (and hold's) index key is
// looked up. Epochs whose email key was destroyed have no index key any more, and their records no
// address.
//
// An address the form would have refused can be held by no record, so looking it up would find
// nothing and say so, wrongly reassuring: an address copied from an e-mail with an invisible
// direction mark or byte-order mark once did exactly that. Such an address is refused, and the
// message says which character is in the way.
public import Foundation
public import InboxCrypto
public import InboxStore

public struct PersonLookup: Sendable {
    public let keys: KeyDirectory
    public let store: any RequestStore

    public init(keys: KeyDirectory, store: any RequestStore) {
        self.keys = keys
        self.store = store
    }

    public func references(forEmail address: String, now: Date = Date()) async throws -> [Reference] {
        try Self.checkSearchable(address)
        var found: [Reference] = []
        for status in try keys.list(now: now) where status.field == .email && keys.hasIndexKey(epoch: status.epoch) {
            let code = try EmailIndexNormalization.code(for: address, key: keys.indexKey(epoch: status.epoch))
            for reference in try await store.references(withEmailIndex: code) where !found.contains(reference) {
                found.append(reference)
            }
        }
        return found
    }

    /// Throws unless the intake would have taken `address` as it is (after trimming white space,
    /// as the intake does).
    public static func checkSearchable(_ address: String) throws {
        let trimmed = SubmissionValidator.trimmed(address)
        let invisible = trimmed.unicodeScalars.enumerated().filter {
            $0.element.properties.generalCategory == .control || $0.element.properties.generalCategory == .format
        }
        if !invisible.isEmpty {
            let named = invisible.map { position, scalar in
                "U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))\(scalar.properties.name.map { " \($0)" } ?? "") at position \(position + 1)"
            }
            throw CaseError(
                "the address contains \(invisible.count == 1 ? "an invisible character" : "invisible characters") (\(named.joined(separator: ", "))), "
                    + "which the form refuses, so no record can hold it as written; nothing was looked up. Type the address, or copy it again without them"
            )
        }
        if trimmed.isEmpty {
            throw CaseError("the address is empty; nothing was looked up")
        }
        if let problem = SubmissionValidator.problem(withEmail: trimmed) {
            throw CaseError(
                "`\(TerminalSafeText.render(trimmed))` is not an address the form accepts (\(problem.message(swedish: false))); nothing was looked up"
            )
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
