// Writing an answer in the staff member's own editor ($VISUAL, $EDITOR, else vi), as git does
// for a commit message: the draft file starts with the kept draft (if any) and the question quoted
// as comment lines, and lives in a private 0700 directory that is overwritten and removed
// afterwards, whatever the editor left there (swap and backup files included).
import Foundation
import Glibc

struct DraftEditor {
    let command: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }

    /// The text of the file for the editor: the draft, then the comment block.
    static func template(draft: String, reference: String, question: String) -> String {
        var lines = [draft, ""]
        lines.append("# Write the answer to \(reference) above. Lines starting with # are left out;")
        lines.append("# an empty answer sends nothing. The question:")
        lines += question.split(separator: "\n", omittingEmptySubsequences: false).map { "#   \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The answer in `text`: comment lines left out, trailing blanks and blank lines trimmed.
    static func answer(from text: String) -> String {
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
            .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
        return kept.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n")
    }

    /// Runs the editor on the template; returns the answer written.
    func edit(draft: String, reference: String, question: String) throws -> String {
        let directory = try Self.makePrivateDirectory()
        defer { Self.destroy(directory) }
        let path = "\(directory)/answer-\(reference).txt"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError("cannot create the draft file in \(directory)") }
        let template = Array(Self.template(draft: draft, reference: reference, question: question).utf8)
        let written = template.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == template.count else { throw CLIError("cannot write the draft file in \(directory)") }

        // The editor line may carry arguments ("code --wait"), so the shell splits it, as git does.
        let editor = Process()
        editor.executableURL = URL(fileURLWithPath: "/bin/sh")
        editor.arguments = ["-c", "\(command) \"$1\"", "inbox-editor", path]
        do {
            try editor.run()
        } catch {
            throw CLIError("cannot start the editor `\(command)`; set EDITOR, or pass --message-file")
        }
        editor.waitUntilExit()
        guard editor.terminationReason == .exit, editor.terminationStatus == 0 else {
            throw CLIError("the editor `\(command)` failed (status \(editor.terminationStatus)); nothing was sent")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CLIError("the draft is not readable UTF-8 text; nothing was sent")
        }
        return Self.answer(from: text)
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
