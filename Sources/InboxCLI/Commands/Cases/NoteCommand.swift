// `inbox note REF [--official] [--message-file F]`: a note on a case, never sent. A working note
// (the default) is for the team and goes when the case is answered or closed; an official note
// (tjänsteanteckning) is part of the case file and kept like the answer. Written in the editor
// unless a file is given; sealed with public keys only, so no passphrase is needed.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxStore

struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write a working note (deleted when the case ends) or an official note (kept) on a case (audited).",
        discussion: "Notes are never sent. `inbox show REF` shows them. Without --message-file the note is written in $VISUAL or $EDITOR."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp(Reference.argumentHelp)) var reference: Reference

    @Flag(name: .customLong("official"), help: "An official note (tjänsteanteckning), kept like the answer.") var official = false

    @Option(
        name: .customLong("message-file"),
        help: ArgumentHelp("The note is the UTF-8 text of this file (`-`: standard input).", valueName: "file"))
    var messageFile: String?

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        try SudoRestrictions.refuse(messageFile, option: "--message-file", allowsStandardInput: true, sudo: environment.settings.sudo)
        let kind: CaseNoteKind = official ? .official : .working
        try await environment.inbox.withStore { store in
            guard try await store.record(reference) != nil else { throw CLIError("no record \(reference)") }
            let text: String
            if let messageFile {
                text = try AnswerCommand.readMessageFile(messageFile)
            } else {
                guard let terminal = TerminalPrompt.openControllingTerminal() else {
                    throw CLIError("no --message-file, and no terminal to run an editor on")
                }
                close(terminal)
                let template = DraftEditor.noteTemplate(reference: reference.text, official: official)
                let name = "note-\(reference.text).txt"
                let edited =
                    if let person = environment.settings.sudo {
                        try EditorAsStaff.edit(template, name: name, as: person)
                    } else {
                        try DraftEditor().editFile(template, name: name)
                    }
                text = DraftEditor.answer(from: edited)
            }
            let notes = CaseNotes(sealer: AnswerSealer(store: store, keys: environment.keys), audit: environment.auditLog(store))
            try await notes.add(text, kind: kind, to: reference)
            print(official ? "An official note is kept on \(reference)." : "A working note is kept on \(reference) until the case ends.")
        }
    }
}
