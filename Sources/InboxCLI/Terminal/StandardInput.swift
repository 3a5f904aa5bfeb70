// Reading what a person pipes in: a message (`--message-file -`) or a passphrase
// (`--passphrase-file -`). Bounded, so that a stream that never ends cannot fill memory.
import Foundation
import Glibc
import InboxCrypto

enum StandardInput {
    /// All of standard input as text; fails past `maximum` bytes or on invalid UTF-8.
    static func readText(maximum: Int) throws -> String {
        let bytes = try readSecret(maximum: maximum)
        guard let text = bytes.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else {
            throw CLIError("standard input is not UTF-8 text")
        }
        return text
    }

    /// All of standard input, straight into memory that is zeroed when released.
    static func readSecret(maximum: Int) throws -> SecretBytes {
        guard isatty(STDIN_FILENO) != 1 else {
            throw CLIError("`-` reads standard input, which is a terminal here; redirect a file into it: < FILE")
        }
        var count = 0
        let buffer = try SecretBytes(count: maximum + 1) { buffer in
            while count < buffer.count {
                let read = Glibc.read(STDIN_FILENO, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    throw CLIError("cannot read standard input: \(String(cString: strerror(errno)))")
                }
                if read == 0 { break }
                count += read
            }
        }
        guard count <= maximum else { throw CLIError("standard input is longer than \(maximum) bytes") }
        return buffer.withUnsafeBytes { SecretBytes(copying: $0.prefix(count)) }
    }
}
