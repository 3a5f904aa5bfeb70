// The purposes the inbox itself acts for. A policy may define more (its notice explains them all),
// but it must define these: a policy without one is refused when it loads, with the line of its
// [purposes] table, rather than accepted and then breaking `inbox show` on the first opening.
public enum ProcessingPurpose: String, Sendable, CaseIterable, Codable {
    /// Reading a question and answering it: `inbox show`, `inbox answer`.
    case answering
    /// Keeping questions and answers as public records: `inbox hold`, `inbox release`.
    case publicRecords = "public_records"
    /// A person's access or erasure request: `inbox export`, `inbox erase`.
    case accessRequest = "access_request"
    /// Showing who did what: the audit log and its retention.
    case accountability

    /// What the inbox does for this purpose, for the error that names a missing one.
    var neededFor: String {
        switch self {
        case .answering: "reading and answering questions (`inbox show`, `inbox answer`)"
        case .publicRecords: "legal holds (`inbox hold`)"
        case .accessRequest: "access and erasure requests (`inbox export`, `inbox erase`)"
        case .accountability: "the audit log"
        }
    }
}
