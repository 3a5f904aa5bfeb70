// The intake, the citizen's side of the inbox: form fields in, a reference out. The fields are
// validated, sealed to the current epoch's public keys (IntakeSealer holds no key that opens
// anything) and handed to the writer; the reference is given only once the writer says the
// submission is durable. What HTTP makes of each outcome is the server's business.
public import Foundation
public import InboxStore

public struct Intake: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Stored durably under this reference.
        case stored(Reference)
        /// Refused, field by field; nothing was stored.
        case invalid(SubmissionErrors)
    }

    let sealer: IntakeSealer
    let writer: any SubmissionWriter

    public init(sealer: IntakeSealer, writer: any SubmissionWriter) {
        self.sealer = sealer
        self.writer = writer
    }

    /// Takes a submission received at `date`. Throws `IntakeUnavailable` when the epoch of `date`
    /// has no complete key (nothing is stored that nobody could open), and the writer's error when
    /// the store could not take it. `language` is the form's, kept so that staff answer in it;
    /// `origin` the topic and page, checked by the caller; `isSpam` stores it as spam (the form's
    /// trap was filled in), validated and sealed like any other.
    public func submit(
        question: String?, email: String?, language: CaseLanguage? = nil, origin: SubmissionOrigin = SubmissionOrigin(),
        isSpam: Bool = false, at date: Date = Date()
    ) async throws -> Outcome {
        switch SubmissionValidator.validate(question: question, email: email) {
        case .failure(let errors):
            return .invalid(errors)
        case .success(let submission):
            // A reference drawn twice is refused by the store's unique constraint (the intake
            // role of PostgreSQL may not look first: it cannot SELECT). Another is drawn, and the
            // submission sealed again: the reference is bound into every sealed field.
            var attempt = 0
            while true {
                let reference = try Reference.random()
                do {
                    try await writer.write(
                        try sealer.seal(
                            submission, reference: reference, receivedAt: date, language: language, origin: origin, isSpam: isSpam))
                    return .stored(reference)
                } catch let error as StoreError where error.isConstraintViolation && attempt < 2 {
                    attempt += 1
                }
            }
        }
    }
}
