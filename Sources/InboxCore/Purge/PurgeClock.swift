// The purge's check of its own clock (a purge whose clock runs years ahead would destroy the
// current keys and every record). It compares now with the last run, which the purge log records
// and its anchor in the key directory vouches for; and, on the same boot, the wall clock's advance
// with the boot clock's, which nobody can set, so that a clock walked forward a few days an hour
// (each step within purge.max_gap) is caught too.
public import Foundation
public import InboxPolicy

public enum PurgeClock {
    public enum Verdict: Sendable, Equatable {
        case plausible
        /// Now is before the last run: the clock went back, or the last run's was ahead.
        case earlierThanLastRun(lastRun: Date)
        /// More time passed than the hourly timer would ever leave: the clock jumped ahead, or the
        /// timer stood still; only a person can tell which.
        case gapTooLong(lastRun: Date, maxGap: RetentionDuration)
        /// Since the last run, on the same boot, the wall clock moved ahead further than the
        /// machine has been running: someone set it forward.
        case aheadOfTheBootClock(lastRun: Date, wallSeconds: Double, bootSeconds: Double)
    }

    /// A minute, and a thousandth of the time elapsed, for honest corrections (NTP slewing,
    /// a step at boot).
    static func tolerance(_ elapsed: Double) -> Double { 60 + elapsed / 1000 }

    public static func judge(
        now: Date, lastRun: Date?, maxGap: RetentionDuration, lastBoot: BootTime? = nil, boot: BootTime? = nil
    ) -> Verdict {
        guard let lastRun else { return .plausible }
        if now < lastRun { return .earlierThanLastRun(lastRun: lastRun) }
        if maxGap.added(to: lastRun) < now { return .gapTooLong(lastRun: lastRun, maxGap: maxGap) }
        if let lastBoot, let boot, lastBoot.id == boot.id {
            let wall = now.timeIntervalSince(lastRun)
            let elapsed = boot.seconds - lastBoot.seconds
            if wall > elapsed + tolerance(elapsed) {
                return .aheadOfTheBootClock(lastRun: lastRun, wallSeconds: wall, bootSeconds: elapsed)
            }
        }
        return .plausible
    }
}

/// A purge refused to act on its clock; `message` says why and what to do.
public struct PurgeClockError: Error, CustomStringConvertible {
    public let verdict: PurgeClock.Verdict
    public let now: Date

    public var description: String {
        let time = Date.ISO8601FormatStyle()
        switch verdict {
        case .plausible:
            return "the clock is plausible"
        case .earlierThanLastRun(let lastRun):
            return "the clock says \(now.formatted(time)), earlier than the last purge (\(lastRun.formatted(time))); "
                + "nothing was deleted. Set the clock right; a purge never runs on a clock that went back"
        case .gapTooLong(let lastRun, let maxGap):
            return "the clock says \(now.formatted(time)), more than \(maxGap) after the last purge (\(lastRun.formatted(time))); "
                + "nothing was deleted. If the clock is right (the timer stood still), run `inbox purge --confirm-clock`"
        case .aheadOfTheBootClock(let lastRun, let wall, let boot):
            return "the clock moved \(Int(wall)) s since the last purge (\(lastRun.formatted(time))), but the machine has run only "
                + "\(Int(boot)) s since then: the clock was set forward. Nothing was deleted. If the clock is right now (it was wrong "
                + "before), run `inbox purge --confirm-clock`"
        }
    }
}
