// A citizen's submission, sealed and ready to store.
public import Foundation
public import InboxCrypto

public struct NewSubmission: Sendable {
    public let reference: Reference
    public let receivedAt: Date
    /// Sealed bytes per field (question always, email if given), stored verbatim.
    public let sealedFields: [RecordField: Data]
    /// The email index entry, when an address was given.
    public let emailIndex: EmailIndexEntry?
    /// The language of the form it came from, so that staff answer in it.
    public let language: CaseLanguage?
    /// Where it came from and what about, in clear: neither is personal data.
    public let origin: SubmissionOrigin
    /// The form's hidden trap field was filled in: stored as spam, from the moment received.
    public let isSpam: Bool

    public init(
        reference: Reference, receivedAt: Date, sealedFields: [RecordField: Data], emailIndex: EmailIndexEntry?,
        language: CaseLanguage? = nil, origin: SubmissionOrigin = SubmissionOrigin(), isSpam: Bool = false
    ) {
        self.reference = reference
        self.receivedAt = receivedAt
        self.sealedFields = sealedFields
        self.emailIndex = emailIndex
        self.language = language
        self.origin = origin
        self.isSpam = isSpam
    }

    /// The status the record starts with.
    public var status: RecordStatus { isSpam ? .spam : .open }
}

/// HMAC-SHA256 of the normalised address under an epoch's index key: it finds a person's records
/// for access and erasure requests without the address being stored.
public struct EmailIndexEntry: Sendable, Equatable {
    public let hmac: Data
    public let epoch: UInt32

    public init(hmac: Data, epoch: UInt32) {
        self.hmac = hmac
        self.epoch = epoch
    }
}
