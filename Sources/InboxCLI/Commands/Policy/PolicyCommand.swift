// `inbox policy`: check the retention policy and print what is generated from it.
import ArgumentParser

struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check the retention policy, and print the privacy notice and record of processing made from it.",
        subcommands: [PolicyCheckCommand.self, PolicyShowCommand.self, PolicyNoticeCommand.self, PolicyRecordCommand.self]
    )
}
