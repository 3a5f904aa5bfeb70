// `inbox keys list`: every (epoch, field) key and where it is in its life. Needs no passphrase.
import ArgumentParser
import Foundation
import InboxCrypto

struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the epoch keys: epoch, field, state (hold, current, future, retired, destroyed) and dates."
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("json"), help: "Print one JSON array instead of a table.")
    var json = false

    /// One row of `--json`, with stable snake_case names.
    struct Row: Encodable {
        let epoch: UInt32
        let field: String
        let state: String
        let starts: Nullable<Date>
        let ends: Nullable<Date>
        let createdAt: Nullable<Date>
        let destroyedAt: Nullable<Date>

        enum CodingKeys: String, CodingKey {
            case epoch, field, state, starts, ends
            case createdAt = "created_at"
            case destroyedAt = "destroyed_at"
        }
    }

    func run() async throws {
        let settings = try InboxEnvironment(common: common).settings
        let statuses = try settings.keyHierarchy.keys.list(now: Date())
        if json {
            let rows = statuses.map {
                Row(
                    epoch: $0.epoch, field: $0.field.rawValue, state: $0.state.rawValue, starts: Nullable($0.starts),
                    ends: Nullable($0.ends), createdAt: Nullable($0.createdAt), destroyedAt: Nullable($0.destroyedAt))
            }
            try JSONOutput.print(rows)
            return
        }
        let day = Date.ISO8601FormatStyle().year().month().day()
        let table =
            [["EPOCH", "FIELD", "STATE", "STARTS", "ENDS", "DESTROYED"]]
            + statuses.map { status in
                [
                    status.epoch == SealedField.holdEpoch ? "0 (hold)" : String(status.epoch), status.field.rawValue,
                    status.state.rawValue, status.starts.map { $0.formatted(day) } ?? "-", status.ends.map { $0.formatted(day) } ?? "-",
                    status.destroyedAt.map { $0.formatted(day) } ?? "-",
                ]
            }
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max()! }
        for row in table {
            print(
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(
                    in: .whitespaces))
        }
    }
}
