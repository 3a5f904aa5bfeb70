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
// Reentrant within a task: code that holds it may call any function that takes it again (every
// change to the key directory takes it itself, so a use case that must keep the directory still
// across several of them holds it around them all). The holding is a task-local value, so it follows the task across the threads it runs on and reaches
// the synchronous code it calls; other tasks and processes wait, each taking the lock through an
// open file description of its own, and such locks exclude each other. Two rules follow: no
// child task is started while the lock is held (it would inherit the task-local value and believe
// it holds a lock its parent may have let go of), and no closure a store runs inside its
// transaction takes it (a transaction must not wait for the key directory).
import CInboxSystem
import Foundation
import Glibc

enum KeyDirectoryLock {
    /// Longer than any holder keeps it in earnest: an audit append waits at most SQLite's 10 s busy
    /// timeout while holding it.
    static let patience: Duration = .seconds(120)

    /// The key directories this task holds the lock of.
    @TaskLocal static var held: Set<String> = []

    static func withLock<T>(directory: String, _ body: () throws -> T) throws -> T {
        if held.contains(directory) { return try body() }
        let descriptor = try open(directory)
        defer { close(descriptor) }
        let deadline = ContinuousClock.now + patience
        var pause = Duration.milliseconds(1)
        while try !tryLock(descriptor, directory: directory, deadline: deadline) {
            usleep(UInt32(pause.components.attoseconds / 1_000_000_000_000))
            pause = min(pause * 2, .milliseconds(50))
        }
        defer { CInboxSystem_unlock(descriptor) }
        return try $held.withValue(held.union([directory])) { try body() }
    }

    /// The same lock for asynchronous work: waiting for it suspends the task rather than blocking
    /// a thread.
    static func withLock<T>(
        directory: String, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws
        -> T
    {
        if held.contains(directory) { return try await body() }
        let descriptor = try open(directory)
        defer { close(descriptor) }
        let deadline = ContinuousClock.now + patience
        var pause = Duration.milliseconds(1)
        while try !tryLock(descriptor, directory: directory, deadline: deadline) {
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
        }
        defer { CInboxSystem_unlock(descriptor) }
        return try await $held.withValue(held.union([directory])) { try await body() }
    }

    private static func open(_ directory: String) throws -> Int32 {
        let path = "\(directory)/.lock"
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, FileMode.privateFile)
        guard descriptor >= 0 else {
            throw CryptoError(.keyFile, "cannot open the lock file \(path) for writing: \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    /// Whether the lock was had; throws when it cannot be, or when waiting has lasted too long.
    /// Holders keep it for milliseconds: callers back off from 1 ms to 50 ms.
    private static func tryLock(_ descriptor: Int32, directory: String, deadline: ContinuousClock.Instant) throws -> Bool {
        if CInboxSystem_try_lock_exclusive(descriptor) == 0 { return true }
        guard errno == EAGAIN || errno == EACCES || errno == EINTR else {
            throw CryptoError(.keyFile, "cannot lock \(directory)/.lock: \(String(cString: strerror(errno)))")
        }
        guard ContinuousClock.now < deadline else {
            throw CryptoError(
                .keyFile, "the key directory \(directory) stayed locked by another process for \(patience); nothing was changed")
        }
        return false
    }
}
