// Seals a valid submission for storage: each field to its (current epoch, field) public key, the
// address's index entry under the epoch's index key. It holds no key that opens anything.
public import Foundation
public import InboxCrypto
public import InboxStore
import Synchronization

public final class IntakeSealer: Sendable {
    /// The public keys and index key of one epoch, loaded once.
    struct EpochKeys: Sendable {
        let email: EpochPublicKey
        let question: EpochPublicKey
        let indexKey: SecretBytes
    }

    let keys: KeyDirectory
    let calendar: EpochCalendar
    /// An intake bundle holds no private halves: its public and index keys are the whole key.
    private let intakeBundle: Mutex<Bool>
    private let cache = Mutex<[UInt32: EpochKeys]>([:])
    /// Per epoch, the stamp its directory had when every key file was last seen there: while the
    /// stamp is the same, no file was removed, and one stat(2) replaces a stat of every file.
    private let verified = Mutex<[UInt32: DirectoryStamp]>([:])

    public init(keys: KeyDirectory) throws {
        self.keys = keys
        self.calendar = try keys.calendar()
        self.intakeBundle = Mutex(try keys.isIntakeBundle)
    }

    /// Forgets every key loaded, so that the next seal reads the key directory (or the intake
    /// bundle swapped in meanwhile) afresh: on SIGHUP. Without it, a new epoch's keys are loaded
    /// when first needed, and a key that went is noticed before the next seal anyway.
    public func reload() throws {
        let bundle = try keys.isIntakeBundle
        intakeBundle.withLock { $0 = bundle }
        cache.withLock { $0.removeAll() }
        verified.withLock { $0.removeAll() }
    }

    /// Loads the keys of the epoch of `date`, so that health checks and the first submission find
    /// them ready. Throws `IntakeUnavailable` when that epoch has no complete key: the server never
    /// creates keys (it only reads the key directory); the purge and `inbox keys init` do.
    public func prepare(for date: Date) throws {
        try epochKeys(for: date)
    }

    @discardableResult
    func epochKeys(for date: Date) throws -> EpochKeys {
        let epoch = calendar.epoch(containing: date)
        // Before every seal, not only the first: a key being destroyed (the private half goes
        // first) must never get another field that nobody could open. One stat of the epoch's
        // directory says whether anything in it changed since every file was last seen; only then
        // are the files looked at one by one.
        let stamp = keys.stamp(ofEpoch: epoch)
        if let stamp, verified.withLock({ $0[epoch] }) == stamp, let cached = cache.withLock({ $0[epoch] }) { return cached }
        let bundle = intakeBundle.withLock { $0 }
        guard keys.hasCompleteKey(epoch: epoch, field: .question, intakeBundle: bundle),
            keys.hasCompleteKey(epoch: epoch, field: .email, intakeBundle: bundle)
        else {
            cache.withLock { $0[epoch] = nil }
            verified.withLock { $0[epoch] = nil }
            throw IntakeUnavailable.noKey(epoch: epoch)
        }
        // Trusted from now on only if a later change is sure to move the directory's time.
        verified.withLock { $0[epoch] = stamp.flatMap { $0.isSettled(at: Date()) ? $0 : nil } }
        if let cached = cache.withLock({ $0[epoch] }) { return cached }
        let loaded: EpochKeys
        do {
            loaded = EpochKeys(
                email: try keys.publicKey(epoch: epoch, field: .email), question: try keys.publicKey(epoch: epoch, field: .question),
                indexKey: try keys.indexKey(epoch: epoch))
        } catch {
            throw IntakeUnavailable.unreadableKey(epoch: epoch, reason: "\(error)")
        }
        cache.withLock { $0[epoch] = loaded }
        return loaded
    }

    public func seal(
        _ submission: ValidSubmission, reference: Reference, receivedAt: Date, language: CaseLanguage? = nil,
        origin: SubmissionOrigin = SubmissionOrigin(), isSpam: Bool = false
    ) throws -> NewSubmission {
        let epochKeys = try epochKeys(for: receivedAt)
        var fields: [RecordField: Data] = [
            .question: try epochKeys.question.seal(Array(submission.question.utf8), reference: reference.text).data
        ]
        var index: EmailIndexEntry? = nil
        if let email = submission.email {
            fields[.email] = try epochKeys.email.seal(Array(email.utf8), reference: reference.text).data
            index = EmailIndexEntry(
                hmac: try EmailIndexNormalization.code(for: email, key: epochKeys.indexKey), epoch: epochKeys.email.epoch)
        }
        return NewSubmission(
            reference: reference, receivedAt: receivedAt, sealedFields: fields, emailIndex: index, language: language, origin: origin,
            isSpam: isSpam)
    }

    /// How many epochs after the current one have keys: the health check reports it.
    public func futureEpochCount(at date: Date) throws -> Int {
        let current = calendar.epoch(containing: date)
        let bundle = intakeBundle.withLock { $0 }
        return try keys.list(now: date).filter {
            $0.field == .email && $0.epoch > current && !$0.isHoldKey
                && keys.hasCompleteKey(epoch: $0.epoch, field: .email, intakeBundle: bundle)
        }.count
    }

    /// The epoch a submission at `date` is sealed to.
    public func epoch(at date: Date) -> UInt32 {
        calendar.epoch(containing: date)
    }
}
