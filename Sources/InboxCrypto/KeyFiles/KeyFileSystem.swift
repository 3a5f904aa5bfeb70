// Durable, private file operations for key material: files appear whole or not at all, are
// created 0600 in 0700 directories, and survive a power cut once a call returns.
import Glibc

enum KeyFileSystem {
    /// Writes `bytes` to `path` atomically. With `replacing: false` an existing file is an
    /// `.alreadyExists` error and is left untouched.
    static func write(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
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

    /// Reads a whole key file after checking that it is private.
    static func read(_ path: String) throws -> [UInt8] {
        try FileMode.checkPrivate(path)
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError("cannot open \(path)") }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot read \(path)")
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
            guard result.count <= 1 << 20 else { throw CryptoError(.keyFile, "\(path) is too large to be a key file") }
        }
        return result
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

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, describing path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot write \(path)")
            }
            offset += written
        }
    }

    private static func systemError(_ message: String) -> CryptoError {
        CryptoError(.keyFile, "\(message): \(String(cString: strerror(errno)))")
    }
}
