// `inbox list`: the records and when their address will be deleted. Nothing is decrypted, so no
// passphrase is needed.
import ArgumentParser
import Foundation
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List records: reference, status, when received and answered, and when the address will be deleted."
    )

    @OptionGroup var common: CommonOptions

    enum Status: String, ExpressibleByArgument, CaseIterable {
        case open, answered, held, all
    }

    @Option(help: "Which records: open, answered, held or all.") var status: Status = .open

    @Flag(name: .customLong("json"), help: "Print one JSON array of every match, without a limit.") var json = false

    /// One item of `--json`, with stable snake_case names.
    struct Item: Encodable {
        let reference: String
        let status: String
        let held: Bool
        let receivedAt: Date
        let answeredAt: Nullable<Date>
        /// When the email address will be deleted; null when there is none (or the record is held).
        let emailDeletedBy: Nullable<Date>

        enum CodingKeys: String, CodingKey {
            case reference, status, held
            case receivedAt = "received_at"
            case answeredAt = "answered_at"
            case emailDeletedBy = "email_deleted_by"
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        let store = try environment.openStore()
        let records: [StoredRecord] =
            switch status {
            case .open: try store.records(status: .open, held: false)
            case .answered: try store.records(status: .answered, held: false)
            case .held: try store.records(status: nil, held: true)
            case .all: try store.records(status: nil, held: nil)
            }
        let emailPolicy = environment.policy.policy.field(.email)
        let items = records.map { record in
            Item(
                reference: record.reference.text, status: record.status.rawValue, held: record.hold != nil, receivedAt: record.receivedAt,
                answeredAt: Nullable(record.answeredAt),
                emailDeletedBy: Nullable(
                    record.fields.contains(.email) && record.hold == nil
                        ? emailPolicy.deadline(received: record.receivedAt, answered: record.answeredAt).date : nil))
        }
        if json {
            try JSONOutput.print(items)
            return
        }
        let time = Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: false).timeSeparator(.colon)
        print("REFERENCE     STATUS    RECEIVED              ANSWERED              ADDRESS DELETED BY")
        for item in items {
            let status = item.held ? "held" : item.status
            print(
                [
                    item.reference, status.padding(toLength: 8, withPad: " ", startingAt: 0), item.receivedAt.formatted(time),
                    (item.answeredAt.value?.formatted(time) ?? "-").padding(toLength: 20, withPad: " ", startingAt: 0),
                    item.emailDeletedBy.value?.formatted(time) ?? (item.held ? "(held)" : "-"),
                ].joined(separator: "  "))
        }
        print("\(items.count) record(s)")
    }
}
