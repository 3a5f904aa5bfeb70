// `inbox policy show`: for each field, what is kept, why, and for how long.
import ArgumentParser
import InboxConfiguration
import InboxCore
import InboxPolicy

struct PolicyShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show, for each field, what is kept, why and for how long.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        print(PolicySummary.text(policy: environment.policy.policy))
    }
}
