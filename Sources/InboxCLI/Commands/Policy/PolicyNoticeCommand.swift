// `inbox policy notice --lang sv|en`: the privacy notice of GDPR article 13, as the form shows it.
import ArgumentParser
import InboxConfiguration
import InboxCore
import InboxPolicy

struct PolicyNoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Print the privacy notice (GDPR art. 13) that the form shows, as Markdown.")

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("lang"), help: "The language: sv or en.")
    var language: Language = .sv

    enum Language: String, ExpressibleByArgument {
        case sv, en
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        let notice = PrivacyNotice(policy: environment.policy.policy, language: language == .sv ? .sv : .en)
        print(notice.markdown, terminator: "")
    }
}
