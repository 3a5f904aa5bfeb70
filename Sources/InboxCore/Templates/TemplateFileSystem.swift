// Reading the templates directory. A template is read with the rights of whoever runs `inbox`,
// which in an installation is the service account that owns the data, so only what is plainly a
// template is read: a regular file (opened without following a link, then checked with fstat on
// what was opened), of a letter's size, in UTF-8.
import Glibc

enum TemplateFileSystem {
    static let maximumSize = 64 * 1024

    /// The text of a template or signature file, with Windows line endings and a byte-order mark
    /// removed; nil when there is no such file.
    static func text(at path: String) throws(TemplateError) -> String? {
        // O_NONBLOCK: opening a named pipe would otherwise wait for a writer; fstat refuses it below.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ELOOP: throw .symbolicLink(path: path)
            default: throw .unreadable(path: path, reason: reason())
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path: path, reason: reason()) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        guard status.st_size <= maximumSize else { throw .tooLarge(path: path, limit: maximumSize) }
        // One byte more than allowed, in case the file grew since fstat.
        var bytes = [UInt8](repeating: 0, count: maximumSize + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: reason())
            }
            if read == 0 { break }
            count += read
        }
        guard count <= maximumSize else { throw .tooLarge(path: path, limit: maximumSize) }
        guard let text = String(validating: normalised(bytes.prefix(count)), as: UTF8.self) else { throw .notUTF8(path: path) }
        return text
    }

    /// The names in `directory`, without "." and "..".
    static func names(in directory: String) throws(TemplateError) -> [String] {
        guard let stream = opendir(directory) else { throw .unreadableDirectory(path: directory, reason: reason()) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Without a leading UTF-8 byte-order mark (Windows editors write one), and with CR LF as LF,
    /// so that line numbers and the signature's blank line come out the same whichever editor
    /// wrote the file.
    static func normalised(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
        var result: [UInt8] = []
        result.reserveCapacity(body.count)
        for index in body.indices {
            let isCarriageReturnBeforeLineFeed = body[index] == 0x0D && body.index(after: index) < body.endIndex && body[index + 1] == 0x0A
            if !isCarriageReturnBeforeLineFeed { result.append(body[index]) }
        }
        return result
    }

    /// The system's words for the last error.
    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
