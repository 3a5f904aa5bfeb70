// References on the command line: parsed (and their check symbol verified) by ArgumentParser
// itself, so that a mistyped reference is a usage error before anything is opened.
public import ArgumentParser
public import InboxStore

extension Reference: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }

    /// What a reference looks like, for each command's help.
    static let argumentHelp = "A reference as the citizen got it (K7Q2-M9XD-4T); the last symbol is a check, so a mistyped one is refused."
}
