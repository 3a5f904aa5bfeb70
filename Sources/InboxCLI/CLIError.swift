// An error the user can act on. ArgumentParser prints its description after "Error: " and exits 1.

struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
