// What the intake node may do: store submissions, and find out whether it could.

public protocol IntakeStore: Sendable {
    /// Stores submissions in one durable transaction: all or none (group commit).
    func insert(_ submissions: [NewSubmission]) async throws

    /// Throws unless a write could be made now (the health check): the database is writable and
    /// its write lock can be had.
    func checkWritable() async throws
}
