// The storage contract, split by who uses it: the intake node may only insert (IntakeStore); staff
// read and answer (CaseStore) and act on a person's requests and legal holds (RequestStore); the
// purge deletes what the policy says must go, reading event times only (PurgeStore); the register
// export and statistics read entries with no personal data (RegisterStore); and every
// role that audits or logs appends to the hash-chained logs (LogStore). Each engine (SQLite and
// PostgreSQL) implements every role; a deployment can then give each process only the role
// it needs, and the contract suite runs per role against each engine. SQL stays inside the engines.
//
// Every method is asynchronous: a database that is a network service has no other API, and an
// embedded one must not block Swift's cooperative threads while it waits for fsync.

/// An engine that plays every role.
public typealias InboxStore = IntakeStore & CaseStore & RequestStore & PurgeStore & RegisterStore & LogStore
