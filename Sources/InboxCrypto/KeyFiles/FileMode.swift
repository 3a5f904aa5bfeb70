// Which permissions a key file or key directory may have, and the message that says how to fix
// one that is too open.
import Glibc

public enum FileMode {
    /// Files we create: owner read/write only.
    static let privateFile: mode_t = 0o600
    /// Directories we create: owner only.
    static let privateDirectory: mode_t = 0o700
    /// Bits that must be clear: anything for others, and group write. Group read (0640, 0750) is
    /// tolerated so that an operator can let a staff group read keys.
    static let forbidden: mode_t = 0o027

    /// Refuses a file or directory that others can read or write, or that is a symbolic link.
    public static func checkPrivate(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            throw CryptoError(.keyFile, "cannot read \(path): \(reason)")
        }
        try checkPrivate(status, path: path)
    }

    /// The same check on what `stat` or `fstat` said of `path`.
    static func checkPrivate(_ status: stat, path: String) throws {
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else {
            throw CryptoError(.insecurePermissions, "\(path) is not a regular file or directory (a symbolic link is refused)")
        }
        let permissions = status.st_mode & 0o7777
        guard permissions & forbidden == 0 else {
            let isDirectory = type == S_IFDIR
            let fix = isDirectory ? "chmod 700" : "chmod 600"
            let group = isDirectory ? "750" : "640"
            throw CryptoError(
                .insecurePermissions,
                "\(path) has mode \(String(permissions, radix: 8)), so other users can read or change it; "
                    + "run `\(fix) \(path)` (or \(group) to let its group read it)")
        }
    }
}
