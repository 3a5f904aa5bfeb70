// How a case ended without an answer. Neither the reason nor the other agency's name is personal
// data: they say where the question went, not who asked it.
public import Foundation

public struct CaseClosure: Sendable, Equatable {
    public let reason: CloseReason
    public let at: Date
    /// The agency the question was forwarded to, for `.forwarded`.
    public let forwardedTo: String?

    public init(reason: CloseReason, at: Date, forwardedTo: String?) {
        self.reason = reason
        self.at = at
        self.forwardedTo = forwardedTo
    }
}

/// Why a case was closed without an answer. The raw values are stored and typed on the command
/// line, so a case is never renamed.
public enum CloseReason: String, Sendable, CaseIterable, Codable {
    /// The question belongs to another agency, which the citizen is told about (the duty to help
    /// the person find the right authority).
    case forwarded
    /// Nothing to answer: a thank-you, a duplicate, a message that asks nothing.
    case noAnswerNeeded = "no-answer-needed"
}
