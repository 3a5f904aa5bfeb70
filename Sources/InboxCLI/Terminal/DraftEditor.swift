// Writing an answer in the staff member's own editor ($VISUAL, $EDITOR, else vi), as git does
// for a commit message: the draft file starts with the kept draft (if any) and the question quoted
// as comment lines, and lives in a private 0700 directory that is overwritten and removed
// afterwards, whatever the editor left there (swap and backup files included). Through sudo the
// editor never runs as the service account (vi's `:!sh` would be a shell as the data's owner):
// EditorAsStaff runs it as the person instead.
import Foundation
import Glibc

struct DraftEditor {
    let command: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? Self.fallback
    }

    /// Debian's choice for a person who set no EDITOR (`select-editor`, else the `editor`
    /// alternative), where it exists; else vi.
    static var fallback: String {
        access("/usr/bin/sensible-editor", X_OK) == 0 ? "/usr/bin/sensible-editor" : "vi"
    }

    /// The text of the file for the editor: the draft, then the comment block. The citizen's words
    /// stand neither in the first five lines nor in the last five, where vi and vim look for a
    /// modeline, so a question cannot set the staff member's editor options.
    static func template(draft: String, reference: String, question: String) -> String {
        var lines = [draft, ""]
        lines.append("# Write the answer to \(reference) above. Lines starting with # are left out;")
        lines.append("# an empty answer sends nothing, and inbox asks before it sends anything.")
        lines.append("#")
        lines.append("# The question:")
        lines += question.split(separator: "\n", omittingEmptySubsequences: false).map { "#   \($0)" }
        lines.append("#")
        lines.append("# (end of the question)")
        lines.append("# Save and quit to go on; the answer is kept sealed as a draft before anything is sent.")
        lines.append("# This file lives in a private directory that is overwritten and removed afterwards.")
        lines.append("#")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The answer in `text`: comment lines left out, trailing blanks and blank lines trimmed.
    /// The text of the file for a note: nothing of the citizen's is quoted (a note needs no
    /// passphrase, so nothing is opened).
    static func noteTemplate(reference: String, official: Bool) -> String {
        let kind = official ? "an official note (kept like the answer)" : "a working note (deleted when the case ends)"
        return [
            "", "", "# Write \(kind) on \(reference) above. Lines starting with # are left out;",
            "# an empty note keeps nothing. Notes are never sent to the citizen.",
            "# This file lives in a private directory that is overwritten and removed afterwards.", "#",
        ].joined(separator: "\n") + "\n"
    }

    static func answer(from text: String) -> String {
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
            .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
        return kept.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n")
    }

    /// Writes `text` to a file in a fresh private directory, runs the editor on it on the
    /// controlling terminal, and returns what the file holds afterwards; the directory is
    /// destroyed either way.
    func editFile(_ text: String, name: String) throws -> String {
        guard let terminal = TerminalPrompt.openControllingTerminal() else {
            throw CLIError("no terminal to run the editor on; pass --message-file FILE (or - for standard input)")
        }
        defer { close(terminal) }
        return try editFile(text, name: name, terminal: terminal)
    }

    func editFile(_ text: String, name: String, terminal: Int32) throws -> String {
        let directory = try Self.makePrivateDirectory()
        defer { Self.destroy(directory) }
        let path = "\(directory)/\(name)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError("cannot create the draft file in \(directory)") }
        let template = Array(text.utf8)
        let written = template.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == template.count else { throw CLIError("cannot write the draft file in \(directory)") }

        let status = try EditorProcess.run(command: command, file: path, terminal: terminal)
        guard status == 0 else {
            throw CLIError("the editor `\(command)` failed (status \(status)); nothing was sent")
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            throw CLIError("the draft is not readable UTF-8 text; nothing was sent")
        }
        return edited
    }

    /// A new directory only this user can enter: under $TMPDIR when set, else in memory (/dev/shm,
    /// so that the draft never reaches a disk), else under /tmp.
    static func makePrivateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let base =
            environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp")
        var template = Array("\(base)/inbox-answer-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CLIError("cannot create a private directory for the draft in \(base)") }
        chmod(made, 0o700)
        return String(cString: made)
    }

    /// Overwrites every regular file with zeros, then removes the directory and all in it.
    static func destroy(_ directory: String) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in files {
            let path = "\(directory)/\(name)"
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
            if descriptor >= 0 {
                let zeros = [UInt8](repeating: 0, count: Int(status.st_size))
                _ = zeros.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                fsync(descriptor)
                close(descriptor)
            }
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
