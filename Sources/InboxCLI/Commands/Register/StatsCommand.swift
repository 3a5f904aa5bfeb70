// `inbox stats`: received, answered, closed, spam, open and erased cases; the median and 90th
// percentile of the time to the first reply; how many were overdue. From the register alone (no
// passphrase), so that purges never change a period's figures.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxStore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Statistics of the cases received in a period, from the register: counts, time to first reply, overdue.",
        discussion: """
            An erased case still counts as answered or closed (the erasure removed the person's data, not the fact), and \
            is counted as erased too. Spam counts as received and spam only. Overdue: not spam, and ended after its due \
            day (the policy's answer_within, a topic's own if it has one) or still open past it.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var period: PeriodOptions

    @Option(help: "Also per month received (Swedish time), per topic or per page.") var by: CaseStatistics.Grouping?
    @Flag(name: .customLong("json"), help: "Print one JSON object; times in seconds.") var json = false

    struct Figures: Encodable {
        let group: String
        let received, answered, closed, spam, open, erased, overdue: Int
        let medianFirstReplySeconds: Nullable<Double>
        let percentile90FirstReplySeconds: Nullable<Double>

        enum CodingKeys: String, CodingKey {
            case group, received, answered, closed, spam, open, erased, overdue
            case medianFirstReplySeconds = "median_first_reply_seconds"
            case percentile90FirstReplySeconds = "p90_first_reply_seconds"
        }

        init(_ figures: CaseStatistics.Figures) {
            group = figures.group
            received = figures.received
            answered = figures.answered
            closed = figures.closed
            spam = figures.spam
            open = figures.open
            erased = figures.erased
            overdue = figures.overdue
            medianFirstReplySeconds = Nullable(figures.medianFirstReply)
            percentile90FirstReplySeconds = Nullable(figures.percentile90FirstReply)
        }
    }

    struct Output: Encodable {
        let from: Nullable<String>
        let to: Nullable<String>
        let by: Nullable<String>
        let total: Figures
        let groups: [Figures]
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let entries = try await store.registerEntries(receivedFrom: period.period.start, to: period.period.end)
            let statistics = CaseStatistics(entries: entries, policy: environment.policy.policy, grouping: by, now: Date())
            if json {
                try JSONOutput.print(
                    Output(
                        from: Nullable(period.from.map { "\($0)" }), to: Nullable(period.to.map { "\($0)" }), by: Nullable(by?.rawValue),
                        total: Figures(statistics.total), groups: statistics.groups.map(Figures.init)))
                return
            }
            let header = [
                (by?.rawValue ?? "").uppercased(), "RECEIVED", "ANSWERED", "CLOSED", "SPAM", "OPEN", "ERASED", "FIRST REPLY MEDIAN",
                "P90", "OVERDUE",
            ]
            let rows = (statistics.groups + [statistics.total]).map { figures in
                [
                    TerminalSafeText.render(figures.group), "\(figures.received)", "\(figures.answered)", "\(figures.closed)",
                    "\(figures.spam)", "\(figures.open)", "\(figures.erased)", Self.duration(figures.medianFirstReply),
                    Self.duration(figures.percentile90FirstReply), "\(figures.overdue)",
                ]
            }
            let span = "\(period.from.map { "\($0)" } ?? "the first entry") to \(period.to.map { "\($0)" } ?? "today")"
            print("Cases received from \(span) (Swedish days), from the register:")
            print(TextTable.render([header] + rows))
        }
    }

    /// "2 d 3 h", "5 h 10 min", "12 min"; "-" without a reply.
    static func duration(_ seconds: TimeInterval?) -> String {
        guard let seconds else { return "-" }
        let minutes = Int(seconds / 60)
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(rest) min" }
        return "\(rest) min"
    }
}
