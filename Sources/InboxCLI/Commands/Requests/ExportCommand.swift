// `inbox export --email ADDR`: everything held about a person (GDPR art. 15), as JSON: each
// record's fields and how long each will be kept. Purpose: access_request; audited per record.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto
import InboxPolicy
import InboxStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print everything held about the person with this address, as JSON (an access request). Needs the passphrase."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var privateKeys: PrivateKeyOptions

    @Option(help: "The person's email address, as they give it.") var email: String

    struct Record: Encodable {
        let reference: String
        let status: String
        let held: Bool
        let receivedAt: Date
        let answeredAt: Date?
        let closedAt: Date?
        let fields: [String: String]
        /// Per field: when it will be deleted, and by which rule.
        let retention: [String: Retention]
        /// The notes on the case and the interim replies sent: personal data of the person too.
        let notes: [Note]

        enum CodingKeys: String, CodingKey {
            case reference, status, held, fields, retention, notes
            case receivedAt = "received_at"
            case answeredAt = "answered_at"
            case closedAt = "closed_at"
        }
    }

    struct Note: Encodable {
        let kind: String
        let writtenAt: Date
        let text: String

        enum CodingKeys: String, CodingKey {
            case kind, text
            case writtenAt = "written_at"
        }
    }

    struct Retention: Encodable {
        let deletedBy: Date?
        let rule: String

        enum CodingKeys: String, CodingKey {
            case deletedBy = "deleted_by"
            case rule
        }
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common, privateKeys: privateKeys)
        try await environment.inbox.withStore { store in
            let references = try await PersonLookup(keys: environment.keys, store: store).references(forEmail: email)
            let policy = environment.policy.policy
            var records: [Record] = []
            if !references.isEmpty {
                let reader = CaseReader(
                    policy: policy, store: store, keys: environment.keyHierarchy, master: try environment.openMasterKey(),
                    audit: environment.auditLog(store))
                for reference in references {
                    let opened = try await reader.open(reference, purpose: .accessRequest, action: .export)
                    let texts: [RecordField: String?] = [.email: opened.email, .question: opened.question, .answer: opened.answer]
                    var fields: [String: String] = [:]
                    var retention: [String: Retention] = [:]
                    for (field, text) in texts {
                        guard let text else { continue }
                        fields[field.rawValue] = TerminalSafeText.render(text)
                        let deadline = policy.field(PolicyField(field)).deadline(
                            received: opened.record.receivedAt, answered: opened.record.answeredAt, closed: opened.record.closure?.at)
                        retention[field.rawValue] = Retention(
                            deletedBy: opened.record.hold == nil ? deadline.date : nil,
                            rule: opened.record.hold == nil ? deadline.rule : "held: kept until released")
                    }
                    records.append(
                        Record(
                            reference: reference.text, status: opened.record.status.rawValue, held: opened.record.hold != nil,
                            receivedAt: opened.record.receivedAt, answeredAt: opened.record.answeredAt, closedAt: opened.record.closure?.at,
                            fields: fields, retention: retention,
                            notes: opened.notes.map {
                                Note(kind: $0.kind.rawValue, writtenAt: $0.writtenAt, text: TerminalSafeText.render($0.text))
                            }))
                }
            }
            try JSONOutput.print(records)
        }
    }
}
