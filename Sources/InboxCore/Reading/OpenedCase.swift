// A record with its sealed fields opened, for a staff member's eyes. The texts are as the citizen
// wrote them: render them with TerminalSafeText before they reach a terminal.
public import Foundation
public import InboxStore

public struct OpenedCase: Sendable {
    public let record: StoredRecord
    public let question: String?
    public let answer: String?
    /// The address in full; show `maskedEmail` unless the staff member asked to reveal it.
    public let email: String?
    /// Working and official notes and interim replies, oldest first.
    public var notes: [Note] = []

    /// A note or an interim reply, opened.
    public struct Note: Sendable {
        public let kind: CaseNoteKind
        public let author: String
        public let writtenAt: Date
        public let text: String
    }

    /// `a•••@e•••.se`: enough to recognise, not enough to write to.
    public var maskedEmail: String? {
        email.map(Self.mask)
    }

    static func mask(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return "•••" }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        let labels = domain.split(separator: ".")
        let topLevel = labels.count > 1 ? labels.last.map { ".\($0)" } ?? "" : ""
        return "\(local.prefix(1))•••@\(domain.prefix(1))•••\(topLevel)"
    }
}
