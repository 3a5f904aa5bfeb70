// `inbox keys list`: every (epoch, field) key and where it is in its life. Needs no passphrase.
// The state is read off the key files present and the calendar; the date a retired key is due
// for destruction comes from the policy in force.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxPolicy

struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the keys: epoch (or hold), field, state (current, future, retired, destroying, destroyed, hold) and dates."
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("json"), help: "Print one JSON array instead of a table.")
    var json = false

    /// One row of `--json`, with stable snake_case names.
    struct Row: Encodable {
        let epoch: UInt32
        let hold: Bool
        let field: String
        let state: String
        let starts: Nullable<Date>
        let ends: Nullable<Date>
        /// When the purge destroys it: the epoch's end plus the field's hard maximum; null for a
        /// hold's keys, which go with the release.
        let destroyBy: Nullable<Date>

        enum CodingKeys: String, CodingKey {
            case epoch, hold, field, state, starts, ends
            case destroyBy = "destroy_by"
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        let policy = environment.policy.policy
        let rows = try environment.keys.list(now: Date()).map { status in
            Row(
                epoch: status.epoch, hold: status.isHoldKey, field: status.field.rawValue, state: status.state.rawValue,
                starts: Nullable(status.starts), ends: Nullable(status.ends),
                destroyBy: Nullable(status.ends.map { policy.keyDestructionDate(epochEnd: $0, field: PolicyField(status.field)) }))
        }
        if json {
            try JSONOutput.print(rows)
            return
        }
        let day = Date.ISO8601FormatStyle().year().month().day()
        func date(_ value: Nullable<Date>) -> String { value.value.map { $0.formatted(day) } ?? "-" }
        let table =
            [["EPOCH", "FIELD", "STATE", "STARTS", "ENDS", "DESTROY BY"]]
            + rows.map { row in
                [
                    row.hold ? "hold \(row.epoch)" : String(row.epoch), row.field, row.state, date(row.starts), date(row.ends),
                    date(row.destroyBy),
                ]
            }
        print(TextTable.render(table))
    }
}
