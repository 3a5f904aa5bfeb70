// Asking for a passphrase on the terminal, without echo. Only when standard input is a terminal:
// a command run from a script or a timer never waits for input.
import Foundation
import Glibc
import InboxCrypto

enum TerminalPrompt {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// The controlling terminal, for an editor: the person's terminal even when standard input
    /// is a file (`--passphrase-file - < FILE`). Nil without one (a timer, a pipe from a script).
    static func openControllingTerminal() -> Int32? {
        let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Prints `prompt` on standard error and reads one line from the terminal with echo off.
    /// Signals are off too, so Ctrl-C arrives as a byte and the terminal is always restored.
    static func readSecret(prompt: String) throws -> SecretBytes {
        guard isInteractive else {
            throw CLIError(
                "standard input is not a terminal, so the passphrase cannot be asked; pass --passphrase-file FILE or set INBOX_PASSPHRASE_FILE"
            )
        }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw CLIError("cannot read the terminal settings") }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ISIG)
        quiet.c_lflag |= tcflag_t(ECHONL)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0 else { throw CLIError("cannot turn off the terminal echo") }
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }

        writeStandardError(prompt)
        var length = 0
        var cancelled = false
        let line = try SecretBytes(count: PassphraseFile.maximumByteCount + 1) { buffer in
            var byte: UInt8 = 0
            while true {
                let count = read(STDIN_FILENO, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if byte == 0x03 {
                    cancelled = true
                    break
                }
                guard length < PassphraseFile.maximumByteCount else {
                    throw CLIError("the passphrase is longer than \(PassphraseFile.maximumByteCount) bytes")
                }
                buffer[length] = byte
                length += 1
            }
            byte = 0
        }
        if cancelled {
            writeStandardError("\n")
            throw CLIError("cancelled")
        }
        guard length > 0 else { throw CLIError("no passphrase was typed") }
        return line.withUnsafeBytes { SecretBytes(copying: $0.prefix(length)) }
    }

    /// Asks a yes/no question on the terminal; only "y" or "yes" is a yes. Never asked (and never
    /// waited for) when standard input is not a terminal: the caller decides what that means.
    static func confirm(_ question: String) -> Bool {
        writeStandardError("\(question) [y/N] ")
        guard let line = readLine() else { return false }
        return ["y", "yes", "j", "ja"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
    }

    static func writeStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
