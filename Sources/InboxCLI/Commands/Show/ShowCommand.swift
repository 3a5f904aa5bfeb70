// `inbox show REF`: read a question (and the answer) for the purpose of answering it. The address
// is masked unless revealed with a reason; every opening is audited; citizen text is made inert
// for the terminal, in the table and in --json alike.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Read a question and its answer (purpose: answering). Needs the passphrase; every opening is audited."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    @Flag(name: .customLong("json"), help: "Print one JSON object.") var json = false

    @Flag(name: .customLong("reveal-email"), help: "Show the whole address instead of a•••@e•••.se; needs --reason.")
    var revealEmail = false

    @Option(help: "Why the address must be seen (written to the audit log).") var reason: String?

    func validate() throws {
        if revealEmail && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--reveal-email needs --reason TEXT: the audit log records why the address was seen")
        }
    }

    struct Output: Encodable {
        let reference: String
        let status: String
        let held: Bool
        let receivedAt: Date
        let answeredAt: Nullable<Date>
        let email: Nullable<String>
        let emailRevealed: Bool
        let question: Nullable<String>
        let answer: Nullable<String>
        let claimedBy: Nullable<String>
        let closedAt: Nullable<Date>
        let closeReason: Nullable<String>
        let forwardedTo: Nullable<String>
        let language: Nullable<String>
        let topic: Nullable<String>
        let page: Nullable<String>
        let markedSpamAt: Nullable<Date>
        let notes: [Note]

        enum CodingKeys: String, CodingKey {
            case reference, status, held, email, question, answer, language, topic, page, notes
            case markedSpamAt = "marked_spam_at"
            case receivedAt = "received_at"
            case answeredAt = "answered_at"
            case emailRevealed = "email_revealed"
            case claimedBy = "claimed_by"
            case closedAt = "closed_at"
            case closeReason = "close_reason"
            case forwardedTo = "forwarded_to"
        }
    }

    /// A note or an interim reply, as `--json` names it.
    struct Note: Encodable {
        let kind: String
        let author: String
        let writtenAt: Date
        let text: String

        enum CodingKeys: String, CodingKey {
            case kind, author, text
            case writtenAt = "written_at"
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        try await environment.inbox.withStore { store in
            let master = try environment.openMasterKey()
            let reader = CaseReader(
                policy: environment.policy.policy, store: store, keys: environment.keyHierarchy, master: master,
                audit: environment.auditLog(store))
            let opened = try await reader.open(reference, purpose: .answering, revealReason: revealEmail ? reason : nil)

            let email = (revealEmail ? opened.email : opened.maskedEmail).map(TerminalSafeText.render)
            let output = Output(
                reference: reference.text, status: opened.record.status.rawValue, held: opened.record.hold != nil,
                receivedAt: opened.record.receivedAt, answeredAt: Nullable(opened.record.answeredAt), email: Nullable(email),
                emailRevealed: revealEmail && opened.email != nil, question: Nullable(opened.question.map(TerminalSafeText.render)),
                answer: Nullable(opened.answer.map(TerminalSafeText.render)), claimedBy: Nullable(opened.record.claim?.claimant),
                closedAt: Nullable(opened.record.closure?.at), closeReason: Nullable(opened.record.closure?.reason.rawValue),
                forwardedTo: Nullable(opened.record.closure?.forwardedTo.map(TerminalSafeText.render)),
                language: Nullable(opened.record.language?.rawValue), topic: Nullable(opened.record.topic.map(TerminalSafeText.render)),
                page: Nullable(opened.record.page.map(TerminalSafeText.render)), markedSpamAt: Nullable(opened.record.markedSpamAt),
                notes: opened.notes.map {
                    Note(kind: $0.kind.rawValue, author: $0.author, writtenAt: $0.writtenAt, text: TerminalSafeText.render($0.text))
                })
            if json {
                try JSONOutput.print(output)
                return
            }
            let time = Date.ISO8601FormatStyle()
            print("Reference: \(output.reference)")
            print("Status:    \(opened.record.hold.map { "held (\(TerminalSafeText.render($0.reason)))" } ?? output.status)")
            print("Received:  \(output.receivedAt.formatted(time))")
            print("Answered:  \(output.answeredAt.value?.formatted(time) ?? "-")")
            if let closure = opened.record.closure {
                let whereTo = output.forwardedTo.value.map { " to \($0)" } ?? ""
                print("Closed:    \(closure.at.formatted(time)), \(closure.reason.rawValue)\(whereTo)")
            }
            print("Claimed:   \(opened.record.claim.map { "by \($0.claimant) since \($0.since.formatted(time))" } ?? "nobody")")
            if let spamAt = output.markedSpamAt.value { print("Spam:      since \(spamAt.formatted(time)) (inbox not-spam returns it)") }
            print("Language:  \(output.language.value ?? "-")")
            print("Topic:     \(output.topic.value ?? "-")")
            print("Page:      \(output.page.value ?? "- (the form's own page)")")
            print("Email:     \(output.email.value ?? "(none given)")")
            print("Question:")
            print(Self.indent(output.question.value ?? "(deleted under the retention policy)"))
            if let answer = output.answer.value {
                print(opened.record.status == .closed ? "Message sent on closing:" : "Answer:")
                print(Self.indent(answer))
            }
            for note in output.notes {
                let kind =
                    switch note.kind {
                    case CaseNoteKind.official.rawValue: "Official note"
                    case CaseNoteKind.interim.rawValue: "Interim reply sent"
                    default: "Working note"
                    }
                print("\(kind) by \(note.author), \(note.writtenAt.formatted(time)):")
                print(Self.indent(note.text))
            }
        }
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n")
    }
}
