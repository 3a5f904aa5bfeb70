// The exclusive lock of a key directory: an open-file-description write lock (fcntl F_OFD_SETLK)
// on its `.lock` file. Everything that reads a file of the key directory, changes it and writes it
// back (the suppression, release and hold lists, the log anchors and checkpoints, epoch and
// hold-key creation, destruction) does so holding it, so that two staff commands, a purge and
// `inbox keys` running at once act as if one after the other.
//
// A write lock needs the file open for writing: the intake server, which sees the key directory
// read-only, cannot take it (with flock(2) it could, and a server taken over could hold up every
// purge and staff command for ever). Waiting is bounded: a lock held longer than anyone holds it
// in earnest is reported, not waited for.
//
// Reentrant within a thread: a use case that holds it (an erasure: the suppression list, then the
// audit log) may call another that takes it again. Other threads and processes wait: each takes
// the lock through an open file description of its own, and such locks exclude each other.
import CInboxSystem
import Foundation
import Glibc

enum KeyDirectoryLock {
    /// Longer than any holder keeps it in earnest: an audit append waits at most SQLite's 10 s busy
    /// timeout while holding it.
    static let patience: Duration = .seconds(120)

    static func withLock<T>(directory: String, _ body: () throws -> T) throws -> T {
        let key = "contact-inbox.key-directory-lock:\(directory)"
        let threadDictionary = Thread.current.threadDictionary
        if let depth = threadDictionary[key] as? Int, depth > 0 {
            threadDictionary[key] = depth + 1
            defer { threadDictionary[key] = depth }
            return try body()
        }
        let path = "\(directory)/.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, FileMode.privateFile)
        guard descriptor >= 0 else {
            throw CryptoError(.keyFile, "cannot open the lock file \(path) for writing: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let deadline = ContinuousClock.now + patience
        var pause = Duration.milliseconds(1)
        while CInboxSystem_try_lock_exclusive(descriptor) != 0 {
            guard errno == EAGAIN || errno == EACCES || errno == EINTR else {
                throw CryptoError(.keyFile, "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            guard ContinuousClock.now < deadline else {
                throw CryptoError(
                    .keyFile, "the key directory \(directory) stayed locked by another process for \(patience); nothing was changed")
            }
            // Holders keep it for milliseconds: back off from 1 ms to 50 ms.
            usleep(UInt32(pause.components.attoseconds / 1_000_000_000_000))
            pause = min(pause * 2, .milliseconds(50))
        }
        threadDictionary[key] = 1
        defer {
            threadDictionary[key] = 0
            CInboxSystem_unlock(descriptor)
        }
        return try body()
    }
}
