// The exclusive lock of a key directory: `flock` on its `.lock` file. Everything that reads a
// file of the key directory, changes it and writes it back (the suppression and release lists,
// the log anchors, epoch and hold-key creation, destruction) does so holding it, so that two staff
// commands, a purge and `inbox keys` running at once act as if one after the other.
//
// Reentrant within a thread: a use case that holds it (an erasure: the suppression list, then the
// audit log) may call another that takes it again. Other threads and processes wait: each takes
// the lock through an open file description of its own, and flock(2) serialises those.
import Foundation
import Glibc

enum KeyDirectoryLock {
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
            throw CryptoError(.keyFile, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw CryptoError(.keyFile, "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
        threadDictionary[key] = 1
        defer {
            threadDictionary[key] = 0
            flock(descriptor, LOCK_UN)
        }
        return try body()
    }
}
