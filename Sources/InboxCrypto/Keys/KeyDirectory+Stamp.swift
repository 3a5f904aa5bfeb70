// What identifies the state of an epoch's key directory cheaply: one stat(2) instead of one per
// key file. Any file created, removed or renamed in the directory changes its modification time;
// a directory put in its place (an intake bundle swapped in) has another inode.
public import Foundation
import Glibc

/// The device, inode and modification time of a directory.
public struct DirectoryStamp: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    let seconds: Int
    let nanoseconds: Int

    /// Whether a change made from `now` on is sure to give the directory another modification
    /// time. File systems stamp with a coarse clock (a tick of a few milliseconds), so a change in
    /// the same tick as the last one could leave the time as it was: a stamp is trusted only once
    /// a full second has passed since it was made.
    public func isSettled(at now: Date) -> Bool {
        now.timeIntervalSince1970 - (Double(seconds) + Double(nanoseconds) / 1e9) > 1
    }
}

extension KeyDirectory {
    /// The stamp of `epoch`'s directory, or nil when it cannot be read (then nothing is trusted).
    public func stamp(ofEpoch epoch: UInt32) -> DirectoryStamp? {
        var status = stat()
        guard stat(files(of: epoch).directory, &status) == 0 else { return nil }
        return DirectoryStamp(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), seconds: Int(status.st_mtim.tv_sec),
            nanoseconds: Int(status.st_mtim.tv_nsec))
    }
}
