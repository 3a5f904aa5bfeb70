// What a staff command's checks need of a record, read inside the write transaction that changes
// it, on either engine.

struct CaseState {
    let id: Int64
    let status: RecordStatus
    let claimant: String?
    /// The hold key the record's fields are sealed to; 0 for a hold without keys of its own.
    let holdKey: Int64?

    /// Refuses a change sealed for the record as it was before a hold or a release.
    func check(heldWith: UInt32?, _ reference: Reference) throws {
        guard holdKey == heldWith.map(Int64.init) else {
            throw StoreError.conflict(reference, "was held or released meanwhile; what was written was sealed for the record as it was")
        }
    }

    /// Refuses a change to a case that was answered or closed meanwhile.
    func checkOpen(_ reference: Reference) throws {
        guard status == .open else { throw StoreError.conflict(reference, "was \(status.rawValue) meanwhile") }
    }

    /// Refuses a change by someone other than the claimant; a case nobody claims is taken.
    func check(claimant person: String, _ reference: Reference) throws {
        if let claimant, claimant != person { throw StoreError.claimedByOther(reference, claimant: claimant) }
    }

    /// Refuses to mark as spam what is not open or is someone else's, and to return what is not spam.
    func checkSpamChange(to spam: Bool, by person: String, _ reference: Reference) throws {
        if spam {
            guard status == .open else {
                throw StoreError.conflict(reference, "is \(status.rawValue); only an open case can be marked as spam")
            }
            try check(claimant: person, reference)
        } else {
            guard status == .spam else { throw StoreError.conflict(reference, "is \(status.rawValue), not spam") }
        }
    }
}
