// The time since this machine booted (CLOCK_BOOTTIME), with the boot's id: a clock nobody can set.
// Between two purges on the same boot, the wall clock cannot honestly have moved further than it.
import Foundation
import Glibc

public struct BootTime: Sendable, Equatable, Codable {
    /// /proc/sys/kernel/random/boot_id: a new one at every boot.
    public let id: String
    /// Seconds since that boot, sleep included.
    public let seconds: Double

    public init(id: String, seconds: Double) {
        self.id = id
        self.seconds = seconds
    }

    /// Now; nil where the kernel does not say.
    public static func current() -> BootTime? {
        guard let id = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) else { return nil }
        var time = timespec()
        guard clock_gettime(CLOCK_BOOTTIME, &time) == 0 else { return nil }
        return BootTime(id: id.trimmingCharacters(in: .whitespacesAndNewlines), seconds: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}
