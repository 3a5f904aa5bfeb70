// `inbox list`: the records, who holds each, when each is due, and when their address will be
// deleted. Nothing is decrypted, so no passphrase is needed. For a person at a terminal: the open cases oldest first, a summary line,
// at most one screen unless --all or --limit, through the pager. Piped or with --json: every match.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract:
            "List cases: reference, status, who claimed it, when received, due and ended, when the address will be deleted, and the topic.",
        discussion: """
            On a terminal the list fills at most one screen, oldest first, through $PAGER (less by default); \
            --all shows every record, --limit N the N oldest. Piped, or with --json, every match is printed.
            """
    )

    @OptionGroup var common: CommonOptions

    enum Status: String, ExpressibleByArgument, CaseIterable {
        case open, answered, closed, spam, held, all
    }

    @Option(help: "Which records: open, answered, closed, spam, held or all.") var status: Status = .open

    @Flag(name: .customLong("mine"), help: "Only the cases you have claimed.") var mine = false

    @Flag(name: .customLong("unclaimed"), help: "Only the cases nobody has claimed.") var unclaimed = false

    @Flag(name: .customLong("overdue"), help: "Only the open cases past their due day (the policy's answer_within).")
    var overdue = false

    @Flag(name: .customLong("json"), help: "Print one JSON array of every match, without a limit.") var json = false

    @Flag(name: .customLong("all"), help: "On a terminal, show every match rather than one screen.") var all = false

    @Option(help: "Show at most this many records, oldest first.") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if json && (all || limit != nil) { throw ValidationError("--json prints every match; --all and --limit are for the table") }
        if all && limit != nil { throw ValidationError("--all and --limit say different things; choose one") }
        if mine && unclaimed { throw ValidationError("--mine and --unclaimed exclude each other; choose one") }
    }

    /// One item of `--json`, with stable snake_case names.
    struct Item: Encodable {
        let reference: String
        let status: String
        let held: Bool
        let receivedAt: Date
        let answeredAt: Nullable<Date>
        let closedAt: Nullable<Date>
        /// When the email address will be deleted; null when there is none (or the record is held).
        let emailDeletedBy: Nullable<Date>
        /// Who works on the case; null while nobody has claimed it.
        let claimedBy: Nullable<String>
        /// The due day of an open case (yyyy-MM-dd, Swedish time); null once it ended, or without
        /// `answer_within` in the policy.
        let due: Nullable<String>
        let overdue: Bool
        /// When the address goes if nobody answers or closes the case; null for an ended or held
        /// case, or one without an address.
        let emailDeletedUnansweredBy: Nullable<Date>
        /// The topic chosen on the form, and the path of the agency page it was sent from.
        let topic: Nullable<String>
        let page: Nullable<String>

        enum CodingKeys: String, CodingKey {
            case reference, status, held
            case receivedAt = "received_at"
            case answeredAt = "answered_at"
            case closedAt = "closed_at"
            case emailDeletedBy = "email_deleted_by"
            case claimedBy = "claimed_by"
            case due, overdue
            case emailDeletedUnansweredBy = "email_deleted_unanswered_by"
            case topic, page
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            var records: [StoredRecord] =
                switch status {
                case .open: try await store.records(status: .open, held: overdue ? nil : false)  // a held case can be overdue too
                case .answered: try await store.records(status: .answered, held: false)
                case .closed: try await store.records(status: .closed, held: false)
                case .spam: try await store.records(status: .spam, held: false)
                case .held: try await store.records(status: nil, held: true)
                case .all: try await store.records(status: nil, held: nil)
                }
            let me = StaffIdentity.current.person
            if mine { records = records.filter { $0.claim?.claimant == me } }
            if unclaimed { records = records.filter { $0.claim == nil } }
            var rows = CaseOverview(records: records, policy: environment.policy.policy, now: Date()).rows
            if overdue { rows = rows.filter(\.isOverdue) }
            let items = rows.map { row in
                Item(
                    reference: row.record.reference.text, status: row.record.status.rawValue, held: row.record.hold != nil,
                    receivedAt: row.record.receivedAt, answeredAt: Nullable(row.record.answeredAt),
                    closedAt: Nullable(row.record.closure?.at),
                    emailDeletedBy: Nullable(row.addressDeletedBy), claimedBy: Nullable(row.record.claim?.claimant),
                    due: Nullable(row.due.map { "\($0.day)" }), overdue: row.isOverdue,
                    emailDeletedUnansweredBy: Nullable(row.addressDeletedUnansweredBy),
                    topic: Nullable(row.record.topic.map(TerminalSafeText.render)),
                    page: Nullable(row.record.page.map(TerminalSafeText.render)))
            }
            if json {
                try JSONOutput.print(items)
                return
            }
            // A person at a terminal sees a screen's worth (the header, the summary and the hint take
            // three lines); piped, every row, as a script expects.
            let screen = Pager.screenLines.map { max(1, $0 - 4) }
            let shown = limit ?? (all ? nil : screen)
            if overdue && environment.policy.policy.cases.answerWithin == nil {
                print("The policy sets no due dates ([cases] answer_within), so no case is overdue.")
            }
            Pager.show(Self.render(items, status: status, showing: shown), sudo: environment.settings.sudo != nil)
        }
    }

    static func render(_ items: [Item], status: Status, showing limit: Int?) -> String {
        let time = Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon)
        let shown = limit.map { Array(items.prefix($0)) } ?? items
        let rows = shown.map { item in
            [
                item.reference, item.held ? "held" : item.status, item.claimedBy.value ?? "-", item.receivedAt.formatted(time),
                item.due.value.map { item.overdue ? "\($0) OVERDUE" : $0 } ?? "-",
                (item.answeredAt.value ?? item.closedAt.value)?.formatted(time) ?? "-",
                item.emailDeletedBy.value?.formatted(time) ?? (item.held ? "(held)" : "-"), item.topic.value ?? "-",
            ]
        }
        var lines = [
            TextTable.render([["REFERENCE", "STATUS", "CLAIMED BY", "RECEIVED", "DUE", "ENDED", "ADDRESS DELETED BY", "TOPIC"]] + rows)
        ]
        let noun = status == .all ? "record(s)" : "\(status.rawValue) record(s)"
        var summary = "\(items.count) \(noun)"
        if shown.count < items.count {
            summary += "; the \(shown.count) oldest shown (inbox list --all, or --limit N)"
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }
}
