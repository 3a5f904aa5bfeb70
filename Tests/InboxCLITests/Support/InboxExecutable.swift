// Runs the real `inbox` executable that SwiftPM built beside this test bundle.
import Foundation
import Testing

struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

enum InboxExecutable {
    /// `inbox` in the build products directory, next to the test bundle.
    static var path: String {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("inbox").path
    }

    /// Runs `inbox` with no terminal on standard input and a clean environment plus `environment`.
    static func run(_ arguments: [String], environment: [String: String] = [:], workingDirectory: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
