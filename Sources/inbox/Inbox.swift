// The staff command-line tool. Its commands live in InboxCLI, where tests can reach them; this
// root only makes ArgumentParser's asynchronous entry point the program's.
import ArgumentParser
import InboxCLI

@main
struct Inbox: AsyncParsableCommand {
    static let configuration = InboxCommand.configuration
}
