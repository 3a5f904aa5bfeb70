// `--template NAME [--lang sv|en] [--templates-dir DIR]`: a letter from the agency's templates,
// filled in for the case and opened in the editor (inbox answer, inbox close).
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxPolicy
import InboxStore
import InboxTime

struct TemplateOptions: ParsableArguments {
    @Option(
        name: .customLong("template"),
        help: ArgumentHelp(
            "Open the editor with this template filled in (NAME.sv.txt or NAME.en.txt in the templates directory).", valueName: "name"))
    var name: String?

    @Option(name: .customLong("lang"), help: "The template's language: sv or en (default: the language the citizen used on the form).")
    var language: CaseLanguage?

    @Option(
        name: .customLong("templates-dir"),
        help: ArgumentHelp("Where the templates are (default: templates beside the configuration file).", valueName: "directory"))
    var directory: String?

    @Option(
        name: .customLong("due"),
        help: ArgumentHelp(
            "The day an answer can be expected, for {{due}} (default: the case's due day under the policy).", valueName: "yyyy-mm-dd"))
    var due: String?

    func validate(messageFile: String?) throws {
        if let due, CalendarDay(parsing: due) == nil { throw ValidationError("--due takes a day written yyyy-mm-dd, such as 2026-12-18") }
        if name == nil && due != nil { throw ValidationError("--due goes with --template") }
        if name != nil && messageFile != nil {
            throw ValidationError("--template opens the editor; --message-file sends a file: choose one")
        }
        if name == nil && (language != nil || directory != nil) { throw ValidationError("--lang and --templates-dir go with --template") }
    }

    /// The templates, when one was asked for; the directory is checked before anything is opened.
    func templates(_ settings: InboxSettings) throws -> AnswerTemplates? {
        guard name != nil else { return nil }
        return AnswerTemplates(directory: URL(fileURLWithPath: try settings.templatesDirectory(option: directory)))
    }

    /// The template filled in for this case, in the language asked for or else the citizen's;
    /// `{{due}}` is `--due`, else the case's due day under the policy while that is still ahead (a
    /// letter must not promise a day already past). Nil when no template was asked for.
    func fill(_ templates: AnswerTemplates?, record: StoredRecord, policy: Policy, now: Date = Date()) throws -> String? {
        guard let templates, let name else { return nil }
        let today = StockholmTime.day(of: now)
        var dueDay = policy.cases.due(receivedAt: record.receivedAt).map(\.day)
        if let due, let given = CalendarDay(parsing: due) {
            guard given >= today else { throw CLIError("--due \(due) is in the past; an answer can be expected from today on") }
            dueDay = given
        } else if let computed = dueDay, computed <= today {
            dueDay = nil
        }
        let values = TemplateValues(
            reference: record.reference.text, received: record.receivedAt, staffName: StaffFullName.of(StaffIdentity.current),
            due: dueDay.map { StockholmTime.start(of: $0) })
        do {
            return try templates.render(name, language: language ?? record.language ?? .sv, values: values)
        } catch TemplateError.dueDateMissing {
            let was = policy.cases.due(receivedAt: record.receivedAt).map { "was due on \($0.day)" } ?? "has no due day under the policy"
            throw CLIError("\(record.reference) \(was), and the template promises a day ({{due}}): say which with --due yyyy-mm-dd")
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// The template's bracketed instructions (`[myndighetens namn]`) still in `text`: a letter sent
    /// with them would tell the citizen nothing. Empty when no template was used.
    static func leftovers(in text: String, template filled: String?) -> [String] {
        guard let filled else { return [] }
        var found: [String] = []
        var rest = filled[...]
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let bracketed = String(rest[open...close])
            if bracketed.count <= 120, !bracketed.contains("\n"), text.contains(bracketed), !found.contains(bracketed) {
                found.append(bracketed)
            }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// Refuses a text that still holds the template's bracketed instructions.
    static func checkFilledIn(_ text: String, template filled: String?, kept: String) throws {
        let left = leftovers(in: text, template: filled)
        guard left.isEmpty else {
            throw CLIError("the text still holds the template's \(left.joined(separator: ", ")): fill them in. Nothing was sent; \(kept)")
        }
    }
}
