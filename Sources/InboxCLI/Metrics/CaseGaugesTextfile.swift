// The case gauges as a file for node_exporter's textfile collector, which reads every `*.prom` file
// in its directory at each scrape and must never see half a file. The gauges go to a temporary file
// in the same directory (so that the rename stays within one file system) whose name does not end
// in `.prom` (so that the collector skips it), are flushed, and are renamed over the path; the
// directory is flushed last, so that the new name survives a power cut.
import Glibc

public struct CaseGaugesTextfile: Sendable {
    /// Where the gauges are written: a `.prom` file in node_exporter's textfile directory.
    public let path: String

    /// Refuses, before anything is counted or written, a path the collector would ignore.
    public init(path: String) throws {
        guard path.hasSuffix(".prom") else {
            throw CaseGaugesTextfileError(
                .notPromFile, "\(path) does not end in .prom: node_exporter's textfile collector reads only *.prom files")
        }
        self.path = path
    }

    /// Replaces the file with `gauges`, atomically: a reader sees the previous file or the new
    /// one, whole. Nothing is left behind when this throws before the rename.
    public func write(_ gauges: CaseGauges) throws {
        let directory = Self.directory(of: path)
        let temporary = Self.temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Self.mode)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT {
                throw CaseGaugesTextfileError(.missingDirectory, "cannot write \(path): the directory \(directory) does not exist")
            }
            if code == ENOTDIR {
                throw CaseGaugesTextfileError(.missingDirectory, "cannot write \(path): \(directory) is not a directory")
            }
            throw CaseGaugesTextfileError(.writeFailed, "cannot create a temporary file in \(directory)", systemError: code)
        }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            // The umask may have removed the read bits that node_exporter, another user, needs.
            try Self.check(fchmod(descriptor, Self.mode), "cannot set the mode of \(temporary)")
            try Self.writeAll(gauges.exposition(), to: descriptor, describing: temporary)
            try Self.check(fsync(descriptor), "cannot flush \(temporary) to disk")
        }
        try Self.check(rename(temporary, path), "cannot replace \(path)")
        renamed = true
        try Self.syncDirectory(directory)
    }

    /// A new name beside `path` each time: hidden, and ending in a random suffix rather than
    /// `.prom`, so that the collector never reads a file still being written.
    static func temporaryPath(for path: String) -> String {
        join(directory(of: path), ".\(fileName(of: path)).tmp-\(String(UInt64.random(in: .min ... .max), radix: 16))")
    }

    /// rw-r--r--: the collector runs as its own user.
    private static let mode: mode_t = 0o644

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, describing path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw CaseGaugesTextfileError(.writeFailed, "cannot write \(path)", systemError: code)
                }
                offset += written
            }
        }
    }

    private static func syncDirectory(_ directory: String) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try check(descriptor, "cannot open \(directory) to flush it")
        defer { close(descriptor) }
        try check(fsync(descriptor), "cannot flush \(directory) to disk")
    }

    /// Turns a failed system call's -1 into an error that carries its errno.
    private static func check(_ result: Int32, _ message: @autoclosure () -> String) throws {
        guard result >= 0 else {
            // errno first: building the message may call into libc.
            let code = errno
            throw CaseGaugesTextfileError(.writeFailed, message(), systemError: code)
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
    }
}
