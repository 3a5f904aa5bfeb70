// `inbox answer REF`: writes the answer (from --message-file, or in $EDITOR with the question
// quoted), keeps it as a sealed draft, sends it by email through the relay, and only when the
// relay has accepted it stores the answer sealed and marks the record answered, which starts the
// policy's "after answered" clock. A failed send changes nothing but the draft, so running the
// command again retries without retyping. A case nobody has claimed is claimed first; a colleague's
// claim is refused unless taken over (--take-over --reason). `--interim` sends an interim reply
// instead: the case stays open, and the reply is kept sealed with it.
import ArgumentParser
import Foundation
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
            Without --message-file the answer is written in $VISUAL or $EDITOR (else vi); the draft file lives in a \
            private directory that is removed afterwards. The draft is kept sealed in the inbox until the answer is sent, \
            so a failed send can be retried with the same command. A case nobody has claimed is claimed by you first; \
            a case a colleague has claimed needs --take-over --reason TEXT. --interim sends an interim reply (received, \
            an answer will follow) and leaves the case open. --template NAME starts from the agency's letter.
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

    @Flag(name: .customLong("interim"), help: "Send an interim reply: the case stays open, the reply is kept with it.")
    var interim = false

    @OptionGroup var takeOver: TakeOverOptions

    @OptionGroup var template: TemplateOptions

    func validate() throws {
        try takeOver.validate()
        try template.validate(messageFile: messageFile)
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        let mailSettings = try MailSettings(options: mail, settings: environment.settings)
        try SudoRestrictions.refuse(messageFile, option: "--message-file", allowsStandardInput: true, sudo: environment.settings.sudo)
        if messageFile == "-" && environment.settings.passphraseFile == "-" {
            throw ValidationError("standard input can hold the message or the passphrase, not both")
        }
        let templates = try template.templates(environment.settings)
        let messageText = try messageFile.map(Self.readMessageFile)
        if messageText == nil { try MessageEditing.requireTerminal() }
        try await environment.inbox.withStore { store in
            let answering = Answering(
                reader: CaseReader(
                    policy: environment.policy.policy, store: store, keys: environment.keyHierarchy,
                    master: try environment.openMasterKey(),
                    audit: environment.auditLog(store)))
            let question = try await answering.open(reference, takeOverReason: takeOver.reason)
            do {
                _ = try RelayMailSender.recipient(question.address)
            } catch {
                throw CLIError("the stored address of \(reference) cannot be written to safely (\(error)); nothing was sent")
            }

            let text: String
            var filled: String? = nil
            if let messageText {
                text = messageText
            } else {
                filled = try template.fill(templates, record: question.opened.record, policy: environment.policy.policy)
                text = try MessageEditing.edit(
                    draft: filled ?? (interim ? "" : question.draft ?? ""), question: question, sudo: environment.settings.sudo)
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CLIError(
                    "the answer is empty; nothing was sent (\(reference) stays claimed by you: `inbox unclaim \(reference)` gives it back)")
            }
            if !TemplateOptions.leftovers(in: text, template: filled).isEmpty && !interim {
                // Kept, so that the next `inbox answer` opens it where it was left.
                try await answering.saveDraft(text, for: reference)
            }
            try TemplateOptions.checkFilledIn(
                text, template: filled, kept: interim ? "run the command again." : "the text is kept sealed as the draft.")

            let masked = question.opened.maskedEmail ?? "•••"
            if interim {
                try await sendInterim(text, question: question, answering: answering, mailSettings: mailSettings, masked: masked)
                return
            }
            if TerminalPrompt.isInteractive && !yes {
                try await answering.saveDraft(text, for: reference)
                guard TerminalPrompt.confirm("Send the answer to \(masked) through \(mailSettings.smtp.server)?") else {
                    print(
                        "Not sent. The draft is kept sealed; `inbox answer \(reference)` opens it again. "
                            + "\(reference) stays claimed by you (`inbox unclaim \(reference)` gives it back).")
                    return
                }
            }
            do {
                let sent = try await answering.send(text, for: question, through: RelayMailSender(settings: mailSettings))
                print("Sent to \(masked); \(reference) is answered. The relay said: \(sent.relayReply)")
                if let deletion = sent.addressDeletedBy {
                    print("The address will be deleted by \(deletion.formatted(Date.ISO8601FormatStyle())) under the retention policy.")
                }
            } catch let notRecorded as AnswerSentNotRecorded {
                throw CLIError("\(notRecorded)")
            } catch let notSent as AnswerNotSent {
                throw CLIError(
                    "\(notSent)\nNothing was marked answered. The draft is kept sealed; run `inbox answer \(reference)` again to retry"
                        + (messageFile == nil ? " (it opens the draft)." : "."))
            }
        }
    }

    private func sendInterim(
        _ text: String, question: Answering.Question, answering: Answering, mailSettings: MailSettings, masked: String
    ) async throws {
        if TerminalPrompt.isInteractive && !yes {
            guard TerminalPrompt.confirm("Send the interim reply to \(masked) through \(mailSettings.smtp.server)?") else {
                print("Not sent.")
                return
            }
        }
        do {
            let reply = try await answering.sendInterim(text, for: question, through: RelayMailSender(settings: mailSettings))
            print("Interim reply sent to \(masked); \(reference) stays open. The relay said: \(reply)")
        } catch let notRecorded as AnswerSentNotRecorded {
            throw CLIError("\(notRecorded)")
        } catch let notSent as AnswerNotSent {
            throw CLIError("\(notSent)\nNothing was kept; run the command again to retry.")
        }
    }

    static func readMessageFile(_ path: String) throws -> String {
        if path == "-" { return try StandardInput.readText(maximum: 1 << 20) }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read the message file \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("the message file \(path) is not UTF-8 text") }
        return text
    }
}
