// `inbox close REF --reason forwarded --to NAME [--message-file F]` or `--reason no-answer-needed`:
// ends a case without an answer. A forward may tell the citizen where the question went, in a
// message sent like an answer (then the passphrase and a relay are needed); the message is kept
// sealed as the case's answer. The close starts the policy's "after closed" clock.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxMail
import InboxStore

struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a case without an answer: forwarded to another agency, or no answer needed (audited).",
        discussion: """
            With --message-file, or --template NAME (written in the editor), the message is sent to the citizen like an \
            answer before the case is closed (needs the passphrase and --smtp-url); without either nothing is sent and no \
            passphrase is needed. A case nobody has claimed \
            is claimed by you; a colleague's claim must be taken over first (inbox claim REF --take-over --reason TEXT).
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions
    @OptionGroup var mail: MailOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    @Option(help: "Why: forwarded (to another agency, named with --to) or no-answer-needed.") var reason: CloseReason

    @Option(name: .customLong("to"), help: ArgumentHelp("The agency the question was forwarded to.", valueName: "name"))
    var forwardedTo: String?

    @Option(
        name: .customLong("message-file"),
        help: ArgumentHelp("Send the UTF-8 text of this file (`-`: standard input) to the citizen before closing.", valueName: "file"))
    var messageFile: String?

    @OptionGroup var template: TemplateOptions

    @Flag(name: .customLong("yes"), help: "Send the message without asking for confirmation on the terminal.") var yes = false

    func validate() throws {
        try template.validate(messageFile: messageFile)
        if reason == .forwarded && (forwardedTo ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--reason forwarded needs --to NAME: the agency the question went to")
        }
        if reason != .forwarded && forwardedTo != nil { throw ValidationError("--to goes with --reason forwarded") }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        try SudoRestrictions.refuse(messageFile, option: "--message-file", allowsStandardInput: true, sudo: environment.settings.sudo)
        if messageFile == "-" && environment.settings.passphraseFile == "-" {
            throw ValidationError("standard input can hold the message or the passphrase, not both")
        }
        let prepared = try messageFile.map(AnswerCommand.readMessageFile)
        let templates = try template.templates(environment.settings)
        if templates != nil { try MessageEditing.requireTerminal() }
        try await environment.inbox.withStore { store in
            let audit = environment.auditLog(store)
            let closing = CaseClosing(sealer: AnswerSealer(store: store, keys: environment.keys), audit: audit)
            guard prepared != nil || templates != nil else {
                try await closing.close(reference, reason: reason, forwardedTo: forwardedTo)
                print("\(reference) is closed (\(reason.rawValue)); nothing was sent.")
                return
            }
            let mailSettings = try MailSettings(options: mail, settings: environment.settings)
            let answering = Answering(
                reader: CaseReader(
                    policy: environment.policy.policy, store: store, keys: environment.keyHierarchy,
                    master: try environment.openMasterKey(),
                    audit: audit))
            let question = try await answering.open(reference)
            _ = try RelayMailSender.recipient(question.address)
            let message: String
            var filled: String? = nil
            if let prepared {
                message = prepared
            } else {
                filled = try template.fill(templates, record: question.opened.record, policy: environment.policy.policy)
                message = try MessageEditing.edit(draft: filled ?? "", question: question, sudo: environment.settings.sudo)
            }
            try TemplateOptions.checkFilledIn(message, template: filled, kept: "the case is still open.")
            let masked = question.opened.maskedEmail ?? "•••"
            if TerminalPrompt.isInteractive && !yes {
                guard TerminalPrompt.confirm("Send the message to \(masked) through \(mailSettings.smtp.server) and close \(reference)?")
                else {
                    print("Not sent; \(reference) is still open and claimed by you.")
                    return
                }
            }
            do {
                let reply = try await closing.close(
                    question, reason: reason, forwardedTo: forwardedTo, message: message, through: RelayMailSender(settings: mailSettings))
                print(
                    "Sent to \(question.opened.maskedEmail ?? "•••"); \(reference) is closed (\(reason.rawValue)). The relay said: \(reply)"
                )
            } catch let notSent as AnswerNotSent {
                throw CLIError("\(notSent)\nThe case is still open; run the command again to retry.")
            } catch let notRecorded as AnswerSentNotRecorded {
                throw CLIError("\(notRecorded)")
            }
        }
    }
}
