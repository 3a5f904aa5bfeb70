// `inbox metrics --textfile PATH`: the case gauges (open, unclaimed, overdue, the oldest open
// case's age, addresses going unanswered within a week) for node_exporter's textfile collector,
// written atomically. The purge's unit runs it after each purge. Only counts leave the inbox and
// nothing is opened, so it needs no passphrase and writes no audit entry (it runs every hour: an
// entry each time would bury the ones that say who read what).
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxStore

struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Write the case gauges for node_exporter's textfile collector (no personal data, no passphrase).",
        discussion: "PATH must end in .prom; the file is replaced in one rename, so the collector never reads half of it."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("textfile"), help: ArgumentHelp("The .prom file to write.", valueName: "path")) var textfile: String

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        // The service account writes the file: through sudo a staff member could aim it anywhere
        // the account may write. The metrics unit runs it directly, as the account.
        try SudoRestrictions.refuse(textfile, option: "--textfile", sudo: environment.settings.sudo)
        let file = try CaseGaugesTextfile(path: textfile)
        try await environment.inbox.withStore { store in
            let overview = CaseOverview(
                records: try await store.records(status: .open, held: nil), policy: environment.policy.policy, now: Date())
            let counts = overview.counts
            try file.write(
                CaseGauges(
                    openCases: counts.open, unclaimedOpenCases: counts.unclaimed, overdueCases: counts.overdue,
                    oldestOpenCaseAgeSeconds: Int(counts.oldestOpenAge),
                    addressesDeletedUnansweredWithin7Days: counts.addressesDeletedUnansweredSoon))
        }
    }
}
