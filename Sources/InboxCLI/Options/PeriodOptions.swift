// `--from DAY --to DAY`: the Swedish days a register export or a statistic covers, both included.
import ArgumentParser
import InboxCore
import InboxTime

struct PeriodOptions: ParsableArguments {
    @Option(help: "The first day received, yyyy-MM-dd (Swedish time), included.") var from: CalendarDay?
    @Option(help: "The last day received, yyyy-MM-dd (Swedish time), included.") var to: CalendarDay?

    func validate() throws {
        if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    var period: RegisterPeriod { RegisterPeriod(from: from, to: to) }
}
