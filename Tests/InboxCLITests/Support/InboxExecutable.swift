// The real `inbox` executable that SwiftPM built beside this test bundle.
import Foundation
import InboxTestSupport

enum InboxExecutable {
    /// `inbox` in the build products directory, next to the test bundle.
    static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("inbox").path
    }

    /// Runs `inbox` with no terminal on standard input, and only PATH and `environment` set.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramResult {
        try runProgram(path, arguments, environment: environment)
    }
}
