// Where a sealed submission goes: the intake server's group-commit writer, which stores it with
// others in one durable transaction. The use case only needs to know when it is safe to say
// "received".
public import InboxStore

public protocol SubmissionWriter: Sendable {
    /// Returns once `submission` is durably stored; throws if it could not be.
    func write(_ submission: NewSubmission) async throws
}
