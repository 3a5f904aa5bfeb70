// A text staff wrote on a case besides the answer, kept sealed like the answer. Working notes go
// when the case ends; official notes and interim replies stay as long as the answer would.
public import Foundation

public struct CaseNote: Sendable, Equatable {
    public let id: Int64
    public let kind: CaseNoteKind
    /// The login name of the staff member who wrote it.
    public let author: String
    public let writtenAt: Date
    /// Sealed to the record's answer key (or its hold's), like the answer.
    public let sealed: Data

    public init(id: Int64, kind: CaseNoteKind, author: String, writtenAt: Date, sealed: Data) {
        self.id = id
        self.kind = kind
        self.author = author
        self.writtenAt = writtenAt
        self.sealed = sealed
    }
}

/// The kinds of text kept on a case. The raw values are stored, so a case is never renamed.
public enum CaseNoteKind: String, Sendable, CaseIterable, Codable {
    /// A working note (minnesanteckning): for the team while the case is open, deleted when it ends.
    case working
    /// An official note (tjänsteanteckning): part of the case file, kept like the answer.
    case official
    /// An interim reply sent to the citizen: received, and when an answer can be expected.
    case interim

    /// Whether the note outlives the case's end.
    public var isKeptAfterEnd: Bool { self != .working }
}
