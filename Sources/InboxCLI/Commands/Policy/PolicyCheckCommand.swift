// `inbox policy check [FILE]`: validate a policy file without touching any inbox.
import ArgumentParser
import InboxCore

struct PolicyCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a policy file: every error is reported with its file, line and a hint."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The policy file to check (default: the configured policy).", valueName: "file"))
    var file: String?

    func run() async throws {
        let path = try file ?? InboxSettings(common: common).policyFile
        let loaded = try InboxEnvironment.loadPolicy(path)
        print("\(path): valid (sha256 \(loaded.digest))")
    }
}
