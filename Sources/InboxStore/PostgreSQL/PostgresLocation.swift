// Where a PostgreSQL database is: `postgres://USER@HOST:PORT/DB?sslmode=disable|require|verify-full`,
// or on a Unix socket with `?host=/run/postgresql`. The password is never part of the URL (it
// would end up in shell histories, process lists and log lines): it comes from a file.
public import Foundation
import NIOSSL
public import PostgresNIO

public struct PostgresLocation: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable
        /// Encrypted, the server's certificate not checked (a private network).
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
        var tls = TLSMode.require
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
            configuration.certificateVerification = tls == .verifyFull ? .fullVerification : .none
            if let caFile { configuration.trustRoots = .file(caFile) }
            tlsMode = .require(configuration)
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tlsMode)
    }

    /// The first line of a file only its owner can read (as the key files and the relay's
    /// credentials): a password readable by others is refused, not used.
    static func readPassword(_ path: String) throws -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { throw StoreError.location("cannot read the database password file \(path)") }
        guard status.st_mode & 0o077 == 0 else {
            throw StoreError.location("the database password file \(path) may be read by others; make it mode 0600")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first, !line.isEmpty
        else { throw StoreError.location("the database password file \(path) is empty or not UTF-8 text") }
        return String(line)
    }
}
