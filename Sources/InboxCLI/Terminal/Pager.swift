// Long output for a person at a terminal goes through a pager, as git does: $PAGER, else `less`
// with LESS=FRX (quit if it fits on one screen, keep colours, leave the screen as it was), started
// through /bin/sh in inbox's own process group so that it can read keys. Through sudo the pager
// runs as the service account, so no PAGER from anyone is honoured and less runs with LESSSECURE=1,
// which removes its shell escape (`!sh`), editor and file commands. Not a terminal: printed as is.
import Foundation
import Glibc

enum Pager {
    /// The terminal's height in lines, when standard output is one.
    static var screenLines: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }

    static func show(_ text: String, sudo: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let chosen = sudo ? nil : environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 }
        if chosen == "cat" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        var pagerEnvironment = environment
        if pagerEnvironment["LESS"] == nil || sudo { pagerEnvironment["LESS"] = "FRX" }
        if sudo { pagerEnvironment["LESSSECURE"] = "1" }
        guard spawn(chosen ?? "less", input: text, environment: pagerEnvironment) else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
    }

    /// Runs the pager with `input` on its standard input; false if it could not be started.
    private static func spawn(_ command: String, input: String, environment: [String: String]) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let arguments: [String] = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, &argv, &envp) == 0 else {
            close(pipeEnds[0])
            close(pipeEnds[1])
            return false
        }
        close(pipeEnds[0])
        // A person who quits the pager early closes the pipe: the rest is not wanted.
        let previousPipe = signal(SIGPIPE, SIG_IGN)
        let bytes = Array(input.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(pipeEnds[1], $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        close(pipeEnds[1])
        signal(SIGPIPE, previousPipe)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
