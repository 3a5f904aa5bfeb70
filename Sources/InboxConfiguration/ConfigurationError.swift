// A setting that cannot be used: which one, where it came from, and what to do. ArgumentParser
// prints the description after "Error: " and exits 1.

public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
