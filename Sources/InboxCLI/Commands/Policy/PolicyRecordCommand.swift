// `inbox policy record`: the record of processing of GDPR article 30, as Markdown.
import ArgumentParser
import InboxConfiguration
import InboxCore
import InboxPolicy

struct PolicyRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Print the record of processing (GDPR art. 30) as Markdown.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        print(RecordOfProcessing.markdown(policy: environment.policy.policy), terminator: "")
    }
}
