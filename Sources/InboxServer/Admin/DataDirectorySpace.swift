// The file system under the data directory: free space and whether it is mounted read-only, as
// statvfs(3) says, and whether a write really reaches the disk. The health check uses all three so
// that the operator hears before a citizen is refused: free space under the minimum turns /healthz
// 503 while submissions (a few kilobytes each) still succeed; a file system that went read-only
// (ext4 does, on an error) or a failing disk shows in the write probe. The probe writes a few bytes
// to `.write-check` beside the database and flushes them: a database transaction that rolls back
// never reaches the disk in WAL mode, and one that commits would grow the WAL at every probe.
import Glibc

struct DataDirectorySpace: Sendable {
    let path: String

    struct Reading: Sendable, Equatable {
        let freeBytes: UInt64
        let readOnly: Bool
    }

    /// Nil when the file system cannot be asked (the directory is gone).
    func read() -> Reading? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        let free = UInt64(stats.f_bavail).multipliedReportingOverflow(by: UInt64(stats.f_frsize))
        return Reading(freeBytes: free.overflow ? .max : free.partialValue, readOnly: stats.f_flag & UInt(ST_RDONLY) != 0)
    }

    /// Nil when eight bytes could be written and flushed; else the errno that stopped them.
    func probeWrite() -> Int32? {
        let descriptor = open("\(path)/.write-check", O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        var stamp = UInt64(time(nil))
        let written = withUnsafeBytes(of: &stamp) { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == 8 else { return written < 0 ? errno : EIO }
        return fdatasync(descriptor) == 0 ? nil : errno
    }

    /// How a log line and /healthz name an errno.
    static func name(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "ENOSPC (the disk is full)"
        case EROFS: "EROFS (the file system is read-only)"
        case EDQUOT: "EDQUOT (the disk quota is used up)"
        case EIO: "EIO (the disk failed a write)"
        case EACCES, EPERM: "EACCES (no permission to write)"
        default: "errno \(code)"
        }
    }
}
