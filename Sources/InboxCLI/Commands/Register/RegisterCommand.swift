// `inbox register`: the register of every case, for the agency's diarium: reference, received,
// language, topic, page, outcome and when, first reply, erasure, data deleted. No personal data, so
// no passphrase; entries outlive the cases' fields by the policy's `[register]` rule.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxStore

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Export the register of cases (no personal data) as a table, CSV (RFC 4180) or JSON. No passphrase needed.",
        discussion: """
            Every case has an entry from the moment it arrives, kept after its fields are purged or erased, for as long as \
            the policy's [register] rule says. An erased case shows the outcome `erased`. The CSV opens in a spreadsheet: \
            a cell that would be read as a formula starts with an apostrophe.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var period: PeriodOptions

    @Flag(name: .customLong("csv"), help: "Print CSV (RFC 4180, CRLF line ends) with a header row.") var csv = false
    @Flag(name: .customLong("json"), help: "Print one JSON array.") var json = false

    func validate() throws {
        if csv && json { throw ValidationError("--csv and --json exclude each other; choose one") }
    }

    /// One entry of `--json`, with stable snake_case names and null where the CSV is empty.
    struct Item: Encodable {
        let reference: String
        let received: Date
        let language: Nullable<String>
        let topic: Nullable<String>
        let page: Nullable<String>
        let outcome: String
        let closeReason: Nullable<String>
        let ended: Nullable<Date>
        let firstReply: Nullable<Date>
        let erased: Nullable<Date>
        let dataDeleted: Nullable<Date>

        enum CodingKeys: String, CodingKey {
            case reference, received, language, topic, page, outcome, ended, erased
            case closeReason = "close_reason"
            case firstReply = "first_reply"
            case dataDeleted = "data_deleted"
        }

        init(_ entry: RegisterEntry) {
            reference = entry.reference.text
            received = entry.receivedAt
            language = Nullable(entry.language?.rawValue)
            topic = Nullable(entry.topic)
            page = Nullable(entry.page)
            outcome = entry.shownOutcome
            closeReason = Nullable(entry.closeReason?.rawValue)
            ended = Nullable(entry.endedAt)
            firstReply = Nullable(entry.firstReplyAt)
            erased = Nullable(entry.erasedAt)
            dataDeleted = Nullable(entry.deletedAt)
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try await environment.inbox.withStore { store in
            let entries = try await store.registerEntries(receivedFrom: period.period.start, to: period.period.end)
            if json {
                try JSONOutput.print(entries.map(Item.init))
            } else if csv {
                FileHandle.standardOutput.write(Data(RegisterCSV.render(entries).utf8))
            } else {
                let rows = entries.map { entry in
                    RegisterCSV.tableCells(entry).map(TerminalSafeText.render)
                }
                let header = RegisterCSV.header.map { $0.uppercased().replacingOccurrences(of: "_", with: " ") }
                Pager.show(
                    TextTable.render([header] + rows) + "\n\(entries.count) register entr\(entries.count == 1 ? "y" : "ies")\n",
                    sudo: environment.settings.sudo != nil)
            }
        }
    }
}
