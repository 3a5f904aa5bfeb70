// `inbox edit-draft --name FILE`: not for people. `inbox answer`, run through sudo as the service
// account, runs this as the staff member (sudo -u #UID) to edit the answer in their own editor: it
// reads the draft's text on standard input, writes it to a file in a private directory the person
// owns, runs their editor on the terminal, and writes what they saved to standard output.
//
// It refuses to run as anyone who can read the inbox's data directory: run as the service account
// (which the staff's sudo rule could be talked into), it would be the shell-as-the-data-owner it
// exists to prevent. And it runs only for the person who started, through sudo, the inbox that asks
// for it: the service account may run this helper as any staff member (the second sudoers rule),
// and without this check anything running as that account could get an editor, so a shell, as one.
import ArgumentParser
import Foundation
import Glibc
import InboxConfiguration
import InboxCore

struct EditDraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit-draft",
        abstract: "Edit a draft in your own editor for `inbox answer` run through sudo (not for direct use).",
        shouldDisplay: false
    )

    @Option(help: "The draft file's name, for the editor's title.") var name: String

    func validate() throws {
        guard name.range(of: #"^[A-Za-z0-9._-]{1,80}$"#, options: .regularExpression) != nil else {
            throw ValidationError("--name must be a plain file name")
        }
    }

    func run() async throws {
        let dataDirectory =
            (try? ConfigurationFile(path: InboxSettings.installedConfig))?.values["data-dir"] ?? "/var/lib/contact-inbox"
        guard access(dataDirectory, R_OK) != 0 else {
            throw CLIError("edit-draft runs the editor as the staff member only; this account can read \(dataDirectory), so it is refused")
        }
        try Self.checkAskedByThisPerson()
        let text = try StandardInput.readText(maximum: 1 << 20)
        // sudo leaves no EDITOR; a person's own choice (select-editor) is found from their HOME.
        if let home = getpwuid(getuid()).flatMap({ String(validatingCString: $0.pointee.pw_dir) }) { setenv("HOME", home, 1) }
        let edited = try DraftEditor().editFile(text, name: name)
        FileHandle.standardOutput.write(Data(edited.utf8))
    }

    /// Up the process tree: the sudo that started this helper, the inbox that ran it, and above
    /// that the sudo that started the inbox, whose real user must be this person. Anything that
    /// cannot be seen (a /proc mounted hidepid) is a refusal: --message-file - needs no editor.
    static func checkAskedByThisPerson() throws {
        let ancestors = ProcessStatus.ancestors()
        let caller = ancestors.drop { $0.name == "sudo" }
        // sudo may run as a pair (with use_pty, a monitor between sudo and the command).
        let outer = caller.dropFirst().prefix { $0.name == "sudo" }
        guard let inbox = caller.first, inbox.name == "inbox", !outer.isEmpty, outer.allSatisfy({ $0.effectiveUID == 0 }),
            outer.contains(where: { $0.realUID == getuid() })
        else {
            throw CLIError(
                "edit-draft runs only for the person whose own `sudo … inbox answer` asks for it; "
                    + "this one was not started that way (or the process tree cannot be seen), so it is refused")
        }
    }
}
