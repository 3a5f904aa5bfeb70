// The advisory lock keys the inbox takes, in one place so that no two uses share one. Any constant
// the database's other users do not take would do; these spell "inbox" in the high bits.

enum PostgresAdvisoryLock: Int64 {
    /// Applying migrations (transaction-scoped).
    case migration = 0x1_1B0C_0001
    /// Appending to or trimming the audit log (transaction-scoped).
    case auditLog = 0x1_1B0C_0002
    /// Appending to or trimming the purge log (transaction-scoped).
    case purgeLog = 0x1_1B0C_0003
    /// A whole purge run (session-scoped, held on a connection of its own).
    case purge = 0x1_1B0C_0004
}
