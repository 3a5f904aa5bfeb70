// `inbox answer REF`: writes the answer (from --message-file, or in $EDITOR with the question
// quoted), keeps it as a sealed draft, sends it by email through the relay, and only when the
// relay has accepted it stores the answer sealed and marks the record answered, which starts the
// policy's "after answered" clock. A failed send changes nothing but the draft, so running the
// command again retries without retyping.
import ArgumentParser
import Foundation
import Glibc
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxMail
import InboxPolicy
import InboxStore

struct AnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Answer a question by email (purpose: answering). Needs the passphrase and a relay (--smtp-url).",
        discussion: """
            Without --message-file the answer is written in $VISUAL or $EDITOR (else vi); the draft file lives in a
            private directory that is removed afterwards. The draft is kept sealed in the inbox until the answer is sent,
            so a failed send can be retried with the same command.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions
    @OptionGroup var mail: MailOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    @Option(
        name: .customLong("message-file"),
        help: ArgumentHelp("Send the UTF-8 text of this file (`-`: standard input) instead of opening an editor.", valueName: "file"))
    var messageFile: String?

    @Flag(name: .customLong("yes"), help: "Send without asking for confirmation on the terminal.") var yes = false

    func run() async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        let mailSettings = try MailSettings(options: mail, settings: environment.settings)
        try SudoRestrictions.refuse(messageFile, option: "--message-file", allowsStandardInput: true, sudo: environment.settings.sudo)
        if messageFile == "-" && environment.settings.passphraseFile == "-" {
            throw ValidationError("standard input can hold the message or the passphrase, not both")
        }
        let messageText = try messageFile.map(Self.readMessageFile)
        if messageText == nil {
            guard let terminal = TerminalPrompt.openControllingTerminal() else {
                throw CLIError("no --message-file, and no terminal to run an editor on")
            }
            close(terminal)
        }
        let store = try environment.openStore()
        guard let record = try store.record(reference) else { throw CLIError("no record \(reference)") }
        if let answeredAt = record.answeredAt {
            throw CLIError(
                "\(reference) was answered on \(answeredAt.formatted(Date.ISO8601FormatStyle())); `inbox show \(reference)` shows the answer"
            )
        }
        guard record.fields.contains(.email) else {
            throw CLIError(
                "\(reference) has no email address (none was given, or it was deleted under the retention policy), so it cannot be answered by email"
            )
        }

        let master = try environment.openMasterKey()
        let reader = CaseReader(
            policy: environment.policy.policy, store: store, keys: environment.keyHierarchy, master: master,
            audit: AuditLog(store: store, keys: environment.keys))
        let opened = try reader.open(reference, purpose: .answering)
        let recorder = AnswerRecorder(store: store, keys: environment.keyHierarchy, master: master)
        let recipient: MailAddress
        do {
            recipient = try MailAddress(parsing: opened.email ?? "")
        } catch {
            throw CLIError("the stored address of \(reference) cannot be written to safely (\(error)); nothing was sent")
        }

        let text: String
        if let messageText {
            text = messageText
        } else {
            let template = DraftEditor.template(
                draft: try recorder.draft(of: reference) ?? "", reference: reference.text,
                question: TerminalSafeText.render(opened.question ?? "(deleted under the retention policy)"))
            let name = "answer-\(reference.text).txt"
            let edited =
                if let person = environment.settings.sudo {
                    try EditorAsStaff.edit(template, name: name, as: person)
                } else {
                    try DraftEditor().editFile(template, name: name)
                }
            text = DraftEditor.answer(from: edited)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CLIError("the answer is empty; nothing was sent")
        }
        try recorder.saveDraft(text, for: reference)

        let masked = opened.maskedEmail ?? "•••"
        if TerminalPrompt.isInteractive && !yes {
            guard TerminalPrompt.confirm("Send the answer to \(masked) through \(mailSettings.smtp.server)?") else {
                print("Not sent. The draft is kept sealed; `inbox answer \(reference)` opens it again.")
                return
            }
        }
        let message: MailMessage
        do {
            message = try MailMessage(from: mailSettings.from, to: recipient, subject: "\(mailSettings.subject) \(reference)", body: text)
        } catch {
            throw CLIError("\(error); nothing was sent")
        }
        let accepted: SMTPReply
        do {
            accepted = try await SMTPClient(configuration: mailSettings.smtp).send(message)
        } catch {
            try recorder.recordFailure(for: reference)
            throw CLIError(
                "not sent: \(error)\nNothing was marked answered. The draft is kept sealed; run `inbox answer \(reference)` again to retry"
                    + (messageFile == nil ? " (it opens the draft)." : "."))
        }
        let now = Date()
        try recorder.recordSent(text, for: reference, now: now)
        let deletion = environment.policy.policy.field(.email).deadline(received: record.receivedAt, answered: now).date
        print("Sent to \(masked); \(reference) is answered. The relay said: \(accepted)")
        if record.hold == nil {
            print("The address will be deleted by \(deletion.formatted(Date.ISO8601FormatStyle())) under the retention policy.")
        }
    }

    static func readMessageFile(_ path: String) throws -> String {
        if path == "-" { return try StandardInput.readText(maximum: 1 << 20) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the message file \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("the message file \(path) is not UTF-8 text") }
        return text
    }
}
