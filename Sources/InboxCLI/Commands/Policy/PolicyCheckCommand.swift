// `inbox policy check [FILE]`: validate a policy file without touching any inbox.
import ArgumentParser
import InboxConfiguration
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
        let settings = try InboxSettings(common: common)
        // Through sudo this would read any file with the service account's rights and echo its
        // first words in an error. A policy of one's own needs no sudo to be checked.
        if let person = settings.sudo, file != nil {
            throw CLIError(
                "a FILE for `inbox policy check` is refused when \(person.user) runs inbox through sudo; "
                    + "check your own copy without sudo: /usr/local/bin/inbox policy check FILE")
        }
        let path = file ?? settings.policyFile
        let loaded = try ConfiguredInbox.loadPolicy(path)
        print("\(path): valid (sha256 \(loaded.digest))")
    }
}
