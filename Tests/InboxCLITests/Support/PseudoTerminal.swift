// A pseudo-terminal for driving `inbox` as a person at a terminal would: the child's standard
// input, output and error are the terminal; the test reads and types through the controlling side.
import CPseudoTerminal
import Foundation
import Glibc

final class PseudoTerminal {
    let controller: Int32
    let device: String

    init() throws {
        var name = [CChar](repeating: 0, count: 128)
        controller = CPseudoTerminal_open(&name, name.count)
        guard controller >= 0 else { throw TerminalError("cannot open a pseudo-terminal") }
        device = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        close(controller)
    }

    /// Reads what the program wrote until `text` has appeared, or the program closed the terminal.
    /// Returns everything read.
    func read(until text: String) -> String {
        var seen = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !String(decoding: seen, as: UTF8.self).contains(text) {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            seen += buffer[0..<count]
        }
        return String(decoding: seen, as: UTF8.self)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(controller, $0.baseAddress, $0.count) }
    }

    struct TerminalError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
