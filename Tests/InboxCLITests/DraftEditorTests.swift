// The draft file of `inbox answer`: what the editor is given, and what is taken back from it.
import Foundation
import InboxTestSupport
import Testing

@testable import InboxCLI

@Suite("answer drafts in the editor")
struct DraftEditorTests {
    @Test("The template holds the kept draft first and the question as comment lines")
    func template() {
        let text = DraftEditor.template(draft: "Hej,\nsvar.", reference: "K7Q2-M9XD-4T", question: "Rad ett\nRad två")
        #expect(text.hasPrefix("Hej,\nsvar.\n\n# Write the answer to K7Q2-M9XD-4T above."))
        #expect(text.contains("\n#   Rad ett\n#   Rad två\n#\n# (end of the question)\n"))
    }

    /// vi and vim read a modeline from the first and the last five lines of a file: a question there
    /// could set the staff member's editor options (`vim: set …`).
    @Test("The citizen's words are neither in the first five nor in the last five lines, whatever the draft")
    func modelines() {
        let question = (1...3).map { "vim: set ft=sh foldmethod=expr: \($0)" }.joined(separator: "\n")
        for draft in ["", "En rad.", "Två\nrader."] {
            let lines = DraftEditor.template(draft: draft, reference: "R", question: question).split(
                separator: "\n", omittingEmptySubsequences: false
            ).dropLast()
            #expect(!lines.prefix(5).contains { $0.contains("vim:") }, "\(draft)")
            #expect(!lines.suffix(5).contains { $0.contains("vim:") }, "\(draft)")
        }
    }

    @Test("Comment lines, trailing blanks and surrounding blank lines are left out; inner blank lines stay")
    func answer() {
        let edited = "\n\nHej Anna,  \n\nsvar\t\n# a comment\n#   the question\n\n"
        #expect(DraftEditor.answer(from: edited) == "Hej Anna,\n\nsvar")
        #expect(DraftEditor.answer(from: DraftEditor.template(draft: "", reference: "R", question: "q")) == "")
    }

    @Test("The editor is $VISUAL, then $EDITOR, then Debian's sensible-editor where it exists, then vi")
    func editorChoice() {
        #expect(DraftEditor(environment: ["VISUAL": "nano", "EDITOR": "vim"]).command == "nano")
        #expect(DraftEditor(environment: ["VISUAL": "", "EDITOR": "vim"]).command == "vim")
        let fallback = FileManager.default.isExecutableFile(atPath: "/usr/bin/sensible-editor") ? "/usr/bin/sensible-editor" : "vi"
        #expect(DraftEditor(environment: [:]).command == fallback)
    }

    @Test("The private directory is 0700, in memory unless TMPDIR says otherwise, and is gone, contents and all, after destroy")
    func privateDirectory() throws {
        let directory = try DraftEditor.makePrivateDirectory(environment: [:])
        #expect(directory.hasPrefix("/dev/shm/inbox-answer-"))
        let elsewhere = try TemporaryDirectory()
        let chosen = try DraftEditor.makePrivateDirectory(environment: ["TMPDIR": elsewhere.path])
        #expect(chosen.hasPrefix(elsewhere.path + "/inbox-answer-"))
        DraftEditor.destroy(chosen)
        var status = stat()
        #expect(stat(directory, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        #expect(FileManager.default.createFile(atPath: "\(directory)/.answer.swp", contents: Data("draft".utf8)))
        DraftEditor.destroy(directory)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
