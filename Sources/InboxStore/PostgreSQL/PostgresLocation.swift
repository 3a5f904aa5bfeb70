// Where a PostgreSQL database is: `postgres://USER@HOST:PORT/DB?sslmode=verify-full|require|disable`,
// or on a Unix socket with `?host=/run/postgresql`. The password is never part of the URL (it
// would end up in shell histories, process lists and log lines): it comes from a file.
//
// TLS checks the server by default (verify-full: the CA and the host name), because a server that
// is not the database could acknowledge commits it never made. `require` with a CA file checks the
// chain but not the name; without one, it only encrypts; `disable` is for a private loopback.
import Foundation
import Glibc
import NIOSSL
public import PostgresNIO

public struct PostgresLocation: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable
        /// Encrypted; the certificate checked against `--database-ca-file` if one is given (the
        /// name is not), else not at all.
        case require
        /// Encrypted, and the certificate checked against the CA and the host name.
        case verifyFull = "verify-full"
    }

    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    /// The directory of the server's Unix socket, when the URL names one.
    public let socketDirectory: String?
    public let tls: TLSMode

    public init(url text: String) throws {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw StoreError.location("the database URL must start with postgres:// (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard components.password == nil else {
            throw StoreError.location(
                "the database URL may not hold a password; give it with --database-password-file (a file of mode 0600)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError.location("the database URL names no user (postgres://USER@HOST/DATABASE)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError.location("the database URL names no database (postgres://USER@HOST/DATABASE)")
        }
        var socketDirectory: String?
        var tls = TLSMode.verifyFull
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw StoreError.location("sslmode must be disable, require or verify-full")
                }
                tls = mode
            case "host":
                guard let directory = item.value, directory.hasPrefix("/") else {
                    throw StoreError.location("host= in the database URL must be the absolute directory of the server's socket")
                }
                socketDirectory = directory
            default:
                throw StoreError.location("the database URL has an unknown parameter `\(item.name)` (known: sslmode, host)")
            }
        }
        guard socketDirectory != nil || !(components.host ?? "").isEmpty else {
            throw StoreError.location("the database URL names no host (postgres://USER@HOST/DATABASE, or ?host=/socket/directory)")
        }
        self.user = user
        self.host = components.host ?? ""
        self.port = components.port ?? 5432
        self.database = database
        self.socketDirectory = socketDirectory
        self.tls = socketDirectory == nil ? tls : .disable
    }

    /// The pool's configuration, with the password read from `passwordFile` and the TLS trust from
    /// `caFile` (else the system's roots).
    public func configuration(passwordFile: String?, caFile: String?) throws -> PostgresClient.Configuration {
        let password = try passwordFile.map(Self.readPassword)
        if let socketDirectory {
            return PostgresClient.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        let tlsMode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable:
            tlsMode = .disable
        case .require, .verifyFull:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification =
                tls == .verifyFull ? .fullVerification : caFile != nil ? .noHostnameVerification : .none
            if let caFile { configuration.trustRoots = .file(caFile) }
            tlsMode = .require(configuration)
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tlsMode)
    }

    /// The first line of a file only its owner can read (as the key files and the relay's
    /// credentials): a password readable by others, or in a file of another user's, is refused.
    /// What is checked is what is read: the file is opened without following a link and then
    /// `fstat`ed.
    static func readPassword(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.location("cannot read the database password file \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.location("the database password file \(path) is not a regular file")
        }
        guard status.st_mode & 0o077 == 0, status.st_uid == geteuid() else {
            throw StoreError.location(
                "the database password file \(path) may be read by others or is not this user's; make it this user's, mode 0600")
        }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0, let text = String(validating: bytes.prefix(count), as: UTF8.self) else {
            throw StoreError.location("the database password file \(path) is empty or not UTF-8 text")
        }
        // The first line, without a line ending of either kind.
        let line = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        guard !line.isEmpty else { throw StoreError.location("the database password file \(path) begins with an empty line") }
        return String(String.UnicodeScalarView(line))
    }
}
