// Durable, private file operations for key material: files appear whole or not at all, are
// created 0600 in 0700 directories, and survive a power cut once a call returns.
import Foundation
import Glibc

enum KeyFileSystem {
    /// Writes `bytes` to `path` atomically. With `replacing: false` an existing file is an
    /// `.alreadyExists` error and is left untouched.
    static func write(_ bytes: some ContiguousBytes, to path: String, replacing: Bool) throws {
        let directory = parent(of: path)
        let temporary = "\(directory)/.\(basename(path)).tmp-\(try SecureRandom.bytes(count: 8).map { String($0, radix: 16) }.joined())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, FileMode.privateFile)
        guard descriptor >= 0 else { throw systemError("cannot create \(temporary)") }
        var keepTemporary = false
        defer { if !keepTemporary { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            // The umask may have removed bits; never let it add any.
            guard fchmod(descriptor, FileMode.privateFile) == 0 else { throw systemError("cannot set the mode of \(temporary)") }
            try writeAll(bytes, to: descriptor, describing: path)
            guard fsync(descriptor) == 0 else { throw systemError("cannot flush \(path) to disk") }
        }
        if replacing {
            guard rename(temporary, path) == 0 else { throw systemError("cannot replace \(path)") }
            keepTemporary = true
        } else {
            // link() fails if the target exists, where rename() would silently replace it.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw CryptoError(.alreadyExists, "\(path) already exists") }
                throw systemError("cannot create \(path)")
            }
        }
        try syncDirectory(directory)
    }

    /// The largest file the key directory holds legitimately (the suppression and release lists
    /// grow by a line per erasure or release).
    static let maximumFileSize = 64 << 20

    /// Reads a whole key file. What is checked is what was opened: the descriptor is opened without
    /// following a link and then `fstat`ed, so a file swapped between a check and the open cannot
    /// slip through.
    static func read(_ path: String) throws -> [UInt8] {
        try withPrivateFile(path) { descriptor, size in
            var result = [UInt8](repeating: 0, count: size)
            let count = try result.withUnsafeMutableBytes { try readAll(descriptor, into: $0, describing: path) }
            result.removeLast(size - count)
            return result
        }
    }

    /// Reads a whole key file straight into memory that is zeroed when released: index keys and
    /// passphrases never pass through an ordinary array.
    static func readSecret(_ path: String, maximum: Int) throws -> SecretBytes {
        try withPrivateFile(path) { descriptor, size in
            guard size <= maximum else { throw CryptoError(.keyFile, "\(path) is larger than \(maximum) bytes") }
            var count = 0
            let secret = try SecretBytes(count: size) { buffer in count = try readAll(descriptor, into: buffer, describing: path) }
            guard count == size else { return secret.withUnsafeBytes { SecretBytes(copying: $0.prefix(count)) } }
            return secret
        }
    }

    /// Opens `path` (no symbolic link), checks with `fstat` that it is a private regular file of a
    /// sane size, and hands the descriptor and size to `body`.
    private static func withPrivateFile<T>(_ path: String, _ body: (Int32, Int) throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw CryptoError(.insecurePermissions, "\(path) is a symbolic link, which is refused") }
            throw systemError("cannot read \(path)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw systemError("cannot read \(path)") }
        try FileMode.checkPrivate(status, path: path)
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw CryptoError(.keyFile, "\(path) is not a regular file")
        }
        guard status.st_size <= maximumFileSize else { throw CryptoError(.keyFile, "\(path) is too large to be a key file") }
        return try body(descriptor, Int(status.st_size))
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, describing path: String) throws -> Int {
        var count = 0
        while count < buffer.count {
            let read = Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            if read < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot read \(path)")
            }
            if read == 0 { break }
            count += read
        }
        return count
    }

    /// Creates a 0700 directory and any missing parents (parents get 0700 too); an existing one is
    /// checked instead.
    static func createDirectory(_ path: String) throws {
        if exists(path) {
            try FileMode.checkPrivate(path)
            return
        }
        let parentPath = parent(of: path)
        if parentPath != path, !exists(parentPath) {
            try createDirectory(parentPath)
        }
        guard mkdir(path, FileMode.privateDirectory) == 0 || errno == EEXIST else {
            throw systemError("cannot create the directory \(path)")
        }
        guard chmod(path, FileMode.privateDirectory) == 0 else { throw systemError("cannot set the mode of \(path)") }
        try syncDirectory(parentPath)
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Deletes a file; one already gone is not an error (destruction is retried until none is left).
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw systemError("cannot delete \(path)") }
    }

    /// Renames a directory into place; `false` when the target already exists (another process
    /// created it first).
    static func renameDirectory(_ source: String, to target: String) throws -> Bool {
        if rename(source, target) == 0 {
            try syncDirectory(parent(of: target))
            return true
        }
        if errno == EEXIST || errno == ENOTEMPTY { return false }
        throw systemError("cannot rename \(source) to \(target)")
    }

    /// Deletes a directory and the files directly inside it (our temporary epoch directories).
    static func removeFlatDirectory(_ path: String) {
        for name in (try? entries(of: path)) ?? [] {
            unlink("\(path)/\(name)")
        }
        rmdir(path)
    }

    /// The names in a directory, without "." and "..".
    static func entries(of path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw systemError("cannot list \(path)") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Makes a rename or a new file in `path` durable.
    static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError("cannot open the directory \(path)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw systemError("cannot flush the directory \(path)") }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32, describing path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw systemError("cannot write \(path)")
                }
                offset += written
            }
        }
    }

    private static func systemError(_ message: String) -> CryptoError {
        CryptoError(.keyFile, "\(message): \(String(cString: strerror(errno)))")
    }
}
