// The editor of `inbox answer` when the command runs through sudo as the service account: the
// editor must run as the person (vi's `:!sh` as the data's owner would be a shell that reads every
// question), on a file in a directory that person owns. inbox runs `inbox edit-draft` as them
// through sudo (deploy/sudoers allows exactly that), hands it the draft's text on a pipe and reads
// the edited text back on another; the helper opens the terminal for the editor itself.
import Foundation
import Glibc
import InboxCore

enum EditorAsStaff {
    static func edit(_ text: String, name: String, as person: SudoInvocation) throws -> String {
        let executable = try currentExecutable()
        let arguments = ["/usr/bin/sudo", "-n", "-u", "#\(person.uid)", "--", executable, "edit-draft", "--name", name]
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw CLIError("cannot make a pipe for the editor") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/sudo", &actions, nil, &argv, environ)
        close(input[0])
        close(output[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            throw CLIError("cannot start sudo to run the editor as \(person.user): \(String(cString: strerror(spawned)))")
        }
        // The helper reads all of its input before it starts the editor, so writing first cannot
        // deadlock; a helper that went away makes the write fail, which the exit status explains.
        let previousPipe = signal(SIGPIPE, SIG_IGN)
        _ = writeAll(Array(text.utf8), to: input[1])
        close(input[1])
        signal(SIGPIPE, previousPipe)
        let edited = readAll(from: output[0])
        close(output[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw CLIError(
                "could not run the editor as \(person.user) (sudo -u #\(person.uid) \(executable) edit-draft: status \((status >> 8) & 0xFF)); "
                    + "the sudoers rule of deploy/sudoers/contact-inbox allows it. Nothing was sent; `--message-file - < FILE` works without an editor"
            )
        }
        guard let result = String(validating: edited, as: UTF8.self) else {
            throw CLIError("the draft is not UTF-8 text; nothing was sent")
        }
        return result
    }

    /// This executable's path, as sudoers names it.
    static func currentExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw CLIError("cannot tell where this inbox executable is") }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    private static func readAll(from descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while result.count <= 4 << 20 {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            result += buffer[0..<count]
        }
        return result
    }
}
