// An error the user can act on. ArgumentParser prints its description after "Error: " and exits 1.

public struct CLIError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
