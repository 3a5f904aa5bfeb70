// One setting's value and where it came from: an option, an environment variable or a line of the
// configuration file, so that an error about the value can say which one to change.

public struct Setting: Sendable, Equatable {
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        case option(String)
        case environment(String)
        case file(String)

        public var description: String {
            switch self {
            case .option(let name): name
            case .environment(let name): "\(name) in the environment"
            case .file(let location): location
            }
        }
    }

    public let value: String
    public let origin: Origin

    public init(_ value: String, from origin: Origin) {
        self.value = value
        self.origin = origin
    }

    /// An error about this value that names where it was set.
    public func invalid(_ problem: String) -> ConfigurationError {
        ConfigurationError("\(origin): \(value) \(problem)")
    }
}
