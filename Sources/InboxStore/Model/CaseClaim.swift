// A staff member's claim on a case: while it stands, nobody else answers, closes or writes to the
// citizen without taking the case over (which the audit log records, naming this claim).
public import Foundation

public struct CaseClaim: Sendable, Equatable {
    /// The login name of the person who claimed the case (as sudo names them).
    public let claimant: String
    public let since: Date

    public init(claimant: String, since: Date) {
        self.claimant = claimant
        self.since = since
    }
}
