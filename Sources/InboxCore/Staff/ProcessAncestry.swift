// Processes as /proc shows them: name, parent and user ids. Used to believe sudo only when it
// really started a command, and to let the editor helper run only for the person who started the
// inbox that asks for it.
import Foundation
import Glibc

public struct ProcessStatus: Sendable, Equatable {
    public let pid: Int32
    public let parent: Int32
    public let name: String
    /// The real user id: who started it (for sudo: the person who ran sudo).
    public let realUID: UInt32
    /// The effective user id: what it may do (for sudo: root).
    public let effectiveUID: UInt32

    /// From /proc/PID/status; nil when it cannot be read (gone, or hidden by hidepid).
    public static func of(_ pid: Int32) -> ProcessStatus? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var name: String?
        var parent: Int32?
        var ids: [UInt32] = []
        for line in text.split(separator: "\n") {
            let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Name:") {
                name = value
            } else if line.hasPrefix("PPid:") {
                parent = Int32(value)
            } else if line.hasPrefix("Uid:") {
                ids = value.split(whereSeparator: { $0 == "\t" || $0 == " " }).compactMap { UInt32($0) }
            }
        }
        guard let name, let parent, ids.count >= 2 else { return nil }
        return ProcessStatus(pid: pid, parent: parent, name: name, realUID: ids[0], effectiveUID: ids[1])
    }

    /// This process's parent, its parent's parent and so on up to init, as far as they can be
    /// read; the nearest first.
    public static func ancestors(of pid: Int32? = nil) -> [ProcessStatus] {
        var chain: [ProcessStatus] = []
        var next = of(pid ?? getpid())?.parent
        while let current = next, current > 0, chain.count < 64, let status = of(current) {
            chain.append(status)
            next = status.parent
        }
        return chain
    }
}
