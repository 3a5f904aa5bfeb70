// A pseudo-terminal for driving a program as a person at a terminal would: the child's standard
// input, output and error are the terminal; the test reads and types through the controlling side.
import CPseudoTerminal
public import Foundation
import Glibc

public final class PseudoTerminal {
    let controller: Int32
    public let device: String

    public init() throws {
        var name = [CChar](repeating: 0, count: 128)
        controller = CPseudoTerminal_open(&name, name.count)
        guard controller >= 0 else { throw TerminalError("cannot open a pseudo-terminal") }
        device = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        close(controller)
    }

    /// Starts `executable` with this terminal as its standard input, output and error.
    public func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        guard let device = FileHandle(forUpdatingAtPath: device) else { throw TerminalError("cannot open \(self.device)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        process.standardInput = device
        process.standardOutput = device
        process.standardError = device
        try process.run()
        // Only the child keeps the terminal open, so reading sees its end when it exits.
        try device.close()
        return process
    }

    /// Reads what the program wrote until `text` has appeared, or the program closed the terminal.
    /// Returns everything read.
    public func read(until text: String) -> String {
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

    /// Types `text` as if at the keyboard.
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(controller, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    public struct TerminalError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
