// What kind of trouble a failed write was, in words an operator acts on: the disk is full, the file
// system is read-only, the database stayed locked, the disk failed. Each engine's codes say it
// (SQLite's result codes here, PostgreSQL's SQLSTATE beside its engine); no message text (which
// could in principle echo a value) is used.
import GRDB
import Glibc

extension StoreError {
    public enum Condition: String, Sendable {
        case full
        case readOnly = "read-only"
        case busy
        case ioError = "I/O error"
        case other

        /// As a log line names it: the system's own name first.
        public var logName: String {
            switch self {
            case .full: "ENOSPC (the disk is full)"
            case .readOnly: "EROFS (the file system or database is read-only)"
            case .busy: "SQLITE_BUSY (the database stayed locked past its timeout)"
            case .ioError: "EIO (the disk failed a read or write)"
            case .other: "another database error"
            }
        }
    }

    public var condition: Condition {
        switch self {
        case .busy: .busy
        case .failed(_, let cause, let systemError): Self.condition(of: cause, systemError: systemError)
        case .unusable(_, let cause): Self.condition(of: cause, systemError: nil)
        case .cannotCreate, .notFound, .conflict, .claimedByOther, .schema, .location, .corrupt: .other
        }
    }

    /// SQLite reports a failed write as an I/O error whatever the disk said; the system error, when
    /// the engine kept it, says which. It is believed only for a failure that came from the file
    /// system: SQLite keeps the last one until another replaces it, so after a read-only episode a
    /// lock timed out would otherwise be called read-only too.
    static func condition(of cause: any Error, systemError: Int32?) -> Condition {
        if let condition = postgresCondition(of: cause) { return condition }
        guard let error = cause as? DatabaseError else { return .other }
        if [.SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_READONLY].contains(error.resultCode) {
            switch systemError {
            case ENOSPC?, EDQUOT?: return .full
            case EROFS?: return .readOnly
            default: break
            }
        }
        switch error.resultCode {
        case .SQLITE_FULL: return .full
        case .SQLITE_READONLY: return .readOnly
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_IOERR, .SQLITE_CANTOPEN: return .ioError
        default: return .other
        }
    }

    /// Whether the write broke a constraint (a reference given twice): the fault of one
    /// submission in a batch, not of the store.
    public var isConstraintViolation: Bool {
        guard case .failed(_, let cause, _) = self else { return false }
        guard let error = cause as? DatabaseError else { return Self.isPostgresConstraintViolation(cause) }
        return error.resultCode == .SQLITE_CONSTRAINT
    }
}
