// Runs the staff member's editor as git does: through /bin/sh (an editor line may carry arguments,
// "code --wait"), in this process's own process group, which is the terminal's foreground group, with
// standard input, output and error inherited. Foundation's Process puts a child in a group of its
// own; a background process that touches the terminal is stopped by SIGTTOU/SIGTTIN, which is how
// `inbox answer` once showed nothing, forever, in tmux with vim. While the editor runs, inbox
// ignores SIGINT and SIGQUIT (a Ctrl-C is the editor's), and afterwards it restores the terminal's
// settings, whatever the editor left. An editor suspended with Ctrl-Z stops with inbox, and `fg`
// resumes both: they are one job.
import Glibc

enum EditorProcess {
    /// Runs `command` on `file`; its exit status, or a signal number as 128 + n. With `terminal`
    /// (a descriptor of /dev/tty), the editor's standard input, output and error are that terminal.
    static func run(command: String, file: String, terminal: Int32? = nil) throws -> Int32 {
        let control = terminal ?? STDIN_FILENO
        var saved = termios()
        let hasTerminal = isatty(control) == 1 && tcgetattr(control, &saved) == 0

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let terminal {
            for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
                posix_spawn_file_actions_adddup2(&actions, terminal, target)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals as a shell would leave them for a command: default dispositions for the ones
        // inbox or its libraries ignore, and none blocked. No POSIX_SPAWN_SETPGROUP: same group.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
            if hasTerminal { tcsetattr(control, TCSADRAIN, &saved) }
        }

        let arguments = ["/bin/sh", "-c", "\(command) \"$1\"", "inbox-editor", file]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        guard spawned == 0 else {
            throw CLIError(
                "cannot start the editor `\(command)`: \(String(cString: strerror(spawned))); set EDITOR, or pass --message-file")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw CLIError("lost the editor: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift cannot call.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
