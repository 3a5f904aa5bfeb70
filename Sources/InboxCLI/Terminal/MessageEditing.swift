// Writing a message to a citizen in the staff member's editor, with the question quoted below it:
// as the person under sudo (EditorAsStaff), else in this process's terminal (DraftEditor).
import Glibc
import InboxCore
import InboxStore

enum MessageEditing {
    /// Fails early, before anything is opened, when there is no terminal for an editor.
    static func requireTerminal() throws {
        guard let terminal = TerminalPrompt.openControllingTerminal() else {
            throw CLIError("no --message-file, and no terminal to run an editor on")
        }
        close(terminal)
    }

    /// The text written in the editor, starting from `draft`, with the comment lines left out.
    static func edit(draft: String, question: Answering.Question, sudo: SudoInvocation?) throws -> String {
        let reference = question.reference.text
        let file = DraftEditor.template(
            draft: draft, reference: reference,
            question: TerminalSafeText.render(question.opened.question ?? "(deleted under the retention policy)"))
        let name = "answer-\(reference).txt"
        let edited =
            if let sudo { try EditorAsStaff.edit(file, name: name, as: sudo) } else { try DraftEditor().editFile(file, name: name) }
        return DraftEditor.answer(from: edited)
    }
}
