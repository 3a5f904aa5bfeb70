// Errors of the store. Their descriptions name what failed, never the data involved: a record's
// reference at most, which is not personal data.

public enum StoreError: Error, CustomStringConvertible {
    case unusable(path: String, cause: any Error)
    case cannotCreate(path: String, reason: String)
    case notFound(Reference)
    /// The record changed between reading and writing in a way the write must not paper over.
    case conflict(Reference, String)
    /// Someone else holds the case's claim (nil: nobody does, where a claim was expected).
    case claimedByOther(Reference, claimant: String?)
    /// The database's schema is not the one this build knows; the text says what to run.
    case schema(String)
    /// Where the database is could not be understood (its URL, its password file).
    case location(String)
    case busy(operation: String)
    case corrupt(String)
    /// `systemError`: the errno of the system call the engine saw fail (ENOSPC, EROFS, EIO), if any.
    case failed(operation: String, cause: any Error, systemError: Int32? = nil)

    public var description: String {
        switch self {
        case .unusable(let path, let cause): "cannot open the database \(path): \(Self.describe(cause))"
        case .cannotCreate(let path, let reason): "cannot create the database \(path): \(reason)"
        case .notFound(let reference): "no record \(reference)"
        case .conflict(let reference, let what): "\(reference) \(what)"
        case .claimedByOther(let reference, let claimant?): "\(reference) is claimed by \(claimant)"
        case .claimedByOther(let reference, nil): "\(reference) is claimed by nobody"
        case .schema(let what): what
        case .location(let what): what
        case .busy(let operation): "the database stayed busy; \(operation) gave up"
        case .corrupt(let what): "the database is damaged: \(what)"
        case .failed(let operation, let cause, _): "database \(operation) failed: \(Self.describe(cause))"
        }
    }

    /// SQLite's result code and message. Our statements bind every value as a parameter, so
    /// SQLite's messages never contain data.
    private static func describe(_ error: any Error) -> String {
        postgresDescription(of: error) ?? "\(error)"
    }
}
