// The staff command-line tool. Its commands live in InboxCLI, where tests can reach them; this
// root makes the process non-dumpable before anything is read (a passphrase, a key, a field), then
// hands over to ArgumentParser's asynchronous entry point.
import ArgumentParser
import InboxCLI

@main
enum Inbox {
    static func main() async {
        InboxCommand.hardenProcess()
        await InboxCommand.main()
    }
}
