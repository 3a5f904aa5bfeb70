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
        #expect(text.hasSuffix("#   Rad ett\n#   Rad två\n"))
    }

    @Test("Comment lines, trailing blanks and surrounding blank lines are left out; inner blank lines stay")
    func answer() {
        let edited = "\n\nHej Anna,  \n\nsvar\t\n# a comment\n#   the question\n\n"
        #expect(DraftEditor.answer(from: edited) == "Hej Anna,\n\nsvar")
        #expect(DraftEditor.answer(from: DraftEditor.template(draft: "", reference: "R", question: "q")) == "")
    }

    @Test("The editor is $VISUAL, then $EDITOR, then vi")
    func editorChoice() {
        #expect(DraftEditor(environment: ["VISUAL": "nano", "EDITOR": "vim"]).command == "nano")
        #expect(DraftEditor(environment: ["VISUAL": "", "EDITOR": "vim"]).command == "vim")
        #expect(DraftEditor(environment: [:]).command == "vi")
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
        FileManager.default.createFile(atPath: "\(directory)/.answer.swp", contents: Data("draft".utf8))
        DraftEditor.destroy(directory)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
