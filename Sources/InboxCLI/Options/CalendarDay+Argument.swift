// A day on the command line, as yyyy-MM-dd (`--from`, `--to`).
public import ArgumentParser
public import InboxTime

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
