// `inbox digest --to ADDR`: the daily summary for staff, by mail (a timer in deploy/systemd sends
// it each morning): how many cases are open, unclaimed and overdue, how long the oldest has waited,
// and the references of the overdue cases and of those whose address goes unanswered within a week.
// Nothing of any person: no address, no question, no name. Needs no passphrase.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxPolicy
import InboxStore

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Mail staff the daily summary: counts and the references that need someone, no personal data (audited).",
        discussion: "With --print the summary is printed instead of sent. No passphrase is needed: nothing is opened."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var mail: MailOptions

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp(
            "The staff's address, a team mailbox (else INBOX_DIGEST_TO, else digest-to in the configuration).", valueName: "address"))
    var recipientOption: String?

    @Flag(name: .customLong("print"), help: "Print the summary rather than mail it.") var printOnly = false

    func validate() throws {
        if recipientOption != nil && printOnly { throw ValidationError("--print shows the summary; --to mails it: choose one") }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        // Through sudo the summary goes only where the installed configuration says: the agency's
        // relay is not for mailing the list of cases to an address of one's own choosing.
        try SudoRestrictions.refuse(recipientOption, option: "--to", sudo: environment.settings.sudo)
        let policy = environment.policy.policy
        let recipient =
            printOnly ? nil : environment.settings.layers.value("digest-to", option: recipientOption, variable: "INBOX_DIGEST_TO")
        if !printOnly && recipient == nil {
            throw ValidationError(
                "say where the summary goes: --to ADDRESS, INBOX_DIGEST_TO or digest-to in the configuration (or --print)")
        }
        try await environment.inbox.withStore { store in
            let now = Date()
            let overview = CaseOverview(records: try await store.records(status: .open, held: nil), policy: policy, now: now)
            let digest = CaseDigest(overview: overview, answerWithin: policy.cases.answerWithin?.description)
            guard let recipient else {
                print(digest.subject)
                print()
                print(digest.text, terminator: "")
                return
            }
            let sender = RelayMailSender(settings: try MailSettings(options: mail, settings: environment.settings))
            _ = try RelayMailSender.recipient(recipient)
            let reply = try await sender.send(digest.text, to: recipient, subject: digest.subject)
            let counts = overview.counts
            try await environment.auditLog(store).append(
                AuditLog.entry(
                    action: .digest, reference: nil, purpose: .answering,
                    reason: "\(counts.overdue) overdue, \(counts.addressesDeletedUnansweredSoon) address(es) going", at: now))
            print("The summary went to the staff's address. The relay said: \(reply)")
        }
    }
}
