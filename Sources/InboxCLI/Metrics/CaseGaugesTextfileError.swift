// Why the case gauges could not be written: a code a caller can switch on and a message an
// operator can act on. Messages name the path the operator chose and the system's error, never a
// case or a citizen.
import Glibc

public struct CaseGaugesTextfileError: Error, Sendable, CustomStringConvertible {
    /// A struct, not an enum, so that codes can be added without breaking anyone's `switch`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The path does not end in `.prom`, so node_exporter's textfile collector would ignore it.
        public static let notPromFile = Code("notPromFile")
        /// The directory the path names does not exist or is not a directory (node_exporter's `--collector.textfile.directory`).
        public static let missingDirectory = Code("missingDirectory")
        /// Creating, writing, flushing or renaming the file failed; `systemError` says why.
        public static let writeFailed = Code("writeFailed")
    }

    public let code: Code
    public let message: String
    /// The errno of the failing call, if a call failed.
    public let systemError: Int32?

    init(_ code: Code, _ message: String, systemError: Int32? = nil) {
        self.code = code
        self.message = message
        self.systemError = systemError
    }

    public var description: String {
        guard let systemError else { return message }
        return "\(message): \(String(cString: strerror(systemError)))"
    }
}
