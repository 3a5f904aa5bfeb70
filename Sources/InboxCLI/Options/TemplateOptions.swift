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

    func validate(messageFile: String?) throws {
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
    /// `{{due}}` is the case's due day under the policy. Nil when no template was asked for.
    func fill(_ templates: AnswerTemplates?, record: StoredRecord, policy: Policy) throws -> String? {
        guard let templates, let name else { return nil }
        let values = TemplateValues(
            reference: record.reference.text, received: record.receivedAt, staffName: StaffFullName.of(StaffIdentity.current),
            due: policy.cases.due(receivedAt: record.receivedAt).map { StockholmTime.start(of: $0.day) })
        do {
            return try templates.render(name, language: language ?? record.language ?? .sv, values: values)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
