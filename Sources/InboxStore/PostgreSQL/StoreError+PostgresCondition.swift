// What kind of trouble a failed PostgreSQL statement was, from its SQLSTATE (never its message,
// which can echo a value).
import Foundation
import PostgresNIO

extension StoreError {
    static func postgresCondition(of cause: any Error) -> Condition? {
        if cause is PostgresReadOnly { return .readOnly }
        guard let error = cause as? PSQLError else { return nil }
        switch error.serverInfo?[.sqlState] {
        case "53100": return .full  // disk_full
        case "25006": return .readOnly  // read_only_sql_transaction
        case "55P03", "57014", "40001", "40P01": return .busy  // lock_not_available, a timeout, a serialization failure, a deadlock
        case "58030": return .ioError  // io_error
        default: return .other
        }
    }

    static func isPostgresConstraintViolation(_ cause: any Error) -> Bool {
        (cause as? PSQLError)?.serverInfo?[.sqlState]?.hasPrefix("23") == true
    }

    /// postgres-nio describes every error with one fixed sentence, so as never to print data; the
    /// kind of error and the SQLSTATE carry none and tell an operator what went wrong (a refused
    /// password, a certificate, a lock timeout).
    static func postgresDescription(of error: any Error) -> String? {
        guard let failure = error as? PSQLError else { return nil }
        var text = "PostgreSQL: \(failure.code)"
        if let state = failure.serverInfo?[.sqlState] { text += ", SQLSTATE \(state)" }
        if failure.code != .server, let underlying = failure.underlying { text += " (\(underlying))" }
        return text
    }
}
