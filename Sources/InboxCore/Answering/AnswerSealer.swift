// Seals what staff write on a case (the answer, its draft, notes, interim replies and a closing
// message) as the answer field is sealed: to the current epoch's answer key, or to the hold's own
// keys while the record is held, so that a hold keeps covering everything written on it. Only
// public keys are needed: writing a note needs no passphrase.
public import Foundation
public import InboxCrypto
public import InboxStore

public struct AnswerSealer: Sendable {
    public let store: any CaseStore
    public let keys: KeyDirectory

    public init(store: any CaseStore, keys: KeyDirectory) {
        self.store = store
        self.keys = keys
    }

    /// Returns the sealed bytes and the hold key sealed to (nil: not held), which the store checks
    /// again when it records them. The record is read here, at the moment of sealing: minutes in
    /// an editor may have passed since it was opened, and a colleague may have held it meanwhile.
    public func seal(_ text: String, for reference: Reference, now: Date) async throws -> (bytes: Data, holdKey: UInt32?) {
        guard let record = try await store.record(reference) else { throw CaseError("no record \(reference)") }
        let epoch: UInt32
        let holdKey: UInt32?
        if record.hold != nil {
            // Held: to the hold's own keys (as the register in the key directory names them).
            epoch =
                try HoldRegister(keys: keys).activeHoldKey(of: reference, releases: ReleaseList(keys: keys)) ?? SealedField.legacyHoldEpoch
            holdKey = epoch
        } else {
            try keys.createMissingEpochs(now: now)
            epoch = try keys.calendar().epoch(containing: now)
            holdKey = nil
        }
        let sealed = try keys.publicKey(epoch: epoch, field: .answer).seal(Array(text.utf8), reference: reference.text).data
        return (sealed, holdKey)
    }
}
