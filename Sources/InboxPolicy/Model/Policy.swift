// The retention policy: what the inbox keeps, why, for how long, and who sees it. Loaded from a
// file in `policy/` that a data protection officer reviews like code; the privacy notice and the
// record of processing are generated from it.
public import Foundation

public struct Policy: Sendable, Equatable {
    public static let formatVersion = 1

    public let controller: Controller
    public let dataProtectionContact: Contact
    public let supervisoryAuthority: SupervisoryAuthority
    /// The length of a key epoch in months (docs/FORMAT.md "A sealed epoch key").
    public let epochMonths: Int
    public let purposes: [Purpose]
    public let fieldPolicies: FieldPolicies
    public let recipients: [Recipient]
    /// The purge's own settings.
    public let purge: PurgeSettings
    /// When cases are due (`[cases]`); no due dates when the policy has no such table.
    public let cases: CaseSettings
    /// The topics the form offers (`[topics.NAME]`), in the file's order; none: the form offers no choice.
    public let topics: [Topic]
    /// How long spam is kept (`[spam]`); nil: spam is kept like any other question.
    public let spam: SpamSettings?
    /// How long register entries are kept (`[register]`).
    public let register: RegisterSettings

    /// Every field's policy, in the order of `PolicyField.allCases`.
    public var fields: [FieldPolicy] { fieldPolicies.all }

    public func field(_ field: PolicyField) -> FieldPolicy {
        fieldPolicies[field]
    }

    public func topic(_ name: String?) -> Topic? {
        guard let name else { return nil }
        return topics.first { $0.name == name }
    }

    /// When a case received at `receivedAt` about `topic` is due: the topic's own time to answer,
    /// or the `[cases]` default. The one computation for every listing, count, digest and statistic.
    public func due(receivedAt: Date, topic: String?) -> CaseDue? {
        cases.due(receivedAt: receivedAt, within: self.topic(topic)?.answerWithin)
    }

    /// The deadline of `field` of a record with these event times, spam's own rule included: the one
    /// function the purge decides with and `inbox list`, `show` and `export` display.
    public func deadline(of field: PolicyField, received: Date, answered: Date?, closed: Date?, markedSpam: Date?) -> FieldPolicy.Deadline {
        let byField = self.field(field).deadline(received: received, answered: answered, closed: closed)
        guard let markedSpam, let spam, field != .audit else { return byField }
        let date = spam.keep.added(to: markedSpam)
        return date <= byField.date ? FieldPolicy.Deadline(date: date, rule: spam.ruleDescription, spamSince: markedSpam) : byField
    }

    public func purpose(_ id: String) -> Purpose? {
        purposes.first { $0.id == id }
    }

    /// Refuses to open `field` for a purpose the policy does not list for it.
    public func checkOpening(_ field: PolicyField, for purpose: ProcessingPurpose) throws(PurposeRefusal) {
        guard self.field(field).openedFor.contains(purpose.rawValue) else {
            throw PurposeRefusal(field: field, purpose: purpose, allowed: self.field(field).openedFor)
        }
    }

    /// When the key of (epoch, field) may be destroyed: the epoch's end plus the field's hard
    /// maximum. Every field sealed in the epoch belongs to a record received before its end.
    public func keyDestructionDate(epochEnd: Date, field: PolicyField) -> Date {
        self.field(field).hardMaximum.added(to: epochEnd)
    }
}

/// A field may be opened only for a purpose the policy lists for it.
public struct PurposeRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: PolicyField
    public let purpose: ProcessingPurpose
    public let allowed: [String]

    public var description: String {
        "the policy does not allow opening the \(field.rawValue) field for `\(purpose.rawValue)`; it allows: \(allowed.joined(separator: ", "))"
    }
}
