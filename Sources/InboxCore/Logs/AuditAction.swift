// What an audit entry records. The raw values are what the log stores and `inbox audit list`
// shows; they are part of the log's format, so a case is never renamed.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    /// A record's fields were opened to be read (`inbox show`, `inbox answer`).
    case open
    /// The full address was shown, with the staff member's reason.
    case revealEmail = "reveal-email"
    /// The relay accepted an answer; the record is answered.
    case answer
    /// An answer could not be sent; the address was used all the same.
    case answerFailed = "answer-failed"
    /// A record was opened for a person's access request.
    case export
    /// A record was erased on a person's request.
    case erase
    case hold
    case release
    /// An opening for a purpose the policy does not list for a field was refused.
    case refusedPurpose = "refused-purpose"
    /// The anchor named an entry that never reached the log (a command stopped, or it was removed).
    case entryMissing = "entry-missing"
    /// An operator accepted a restored database's logs.
    case restoreAccepted = "restore-accepted"
    /// A staff member claimed a case, or gave their claim up.
    case claim
    case unclaim
    /// A staff member took over a case someone else had claimed; the entry names them and why.
    case takeOver = "take-over"
    /// A case was closed without an answer (forwarded, or no answer needed); the reason says which.
    case close
    /// An interim reply was sent: the question was received, an answer will follow.
    case interim
    /// A working or an official note was written on a case.
    case note
    /// The daily digest of counts and references went to staff.
    case digest
    /// A case was moved to the spam queue, or back to the open queue (`not-spam`).
    case spam
    case notSpam = "not-spam"
}
