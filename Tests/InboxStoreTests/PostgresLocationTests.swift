// The database URL's bad-input table, and what a good one becomes.
import Foundation
import InboxStore
import InboxTestSupport
import PostgresNIO
import Testing

@Suite("PostgreSQL location")
struct PostgresLocationTests {
    @Test("a URL names the user, host, port, database and TLS; a socket directory turns TLS off")
    func valid() throws {
        let remote = try PostgresLocation(url: "postgres://inbox_intake@db.kommun.example:6432/inbox?sslmode=verify-full")
        #expect(remote.user == "inbox_intake" && remote.host == "db.kommun.example" && remote.port == 6432 && remote.database == "inbox")
        #expect(remote.tls == .verifyFull && remote.socketDirectory == nil)
        let defaults = try PostgresLocation(url: "postgresql://inbox_staff@db/inbox")
        #expect(defaults.port == 5432 && defaults.tls == .verifyFull)
        let local = try PostgresLocation(url: "postgres://inbox_purge@localhost:5433/inbox?host=/run/postgresql")
        #expect(local.socketDirectory == "/run/postgresql" && local.tls == .disable && local.port == 5433)
    }

    @Test(
        "bad URLs are refused with what is wrong, and a password in the URL is never accepted",
        arguments: [
            ("mysql://u@h/db", "must start with postgres://"),
            ("postgres://u:secret@h/db", "may not hold a password"),
            ("postgres://h/db", "names no user"),
            ("postgres://u@h/", "names no database"),
            ("postgres://u@h/db?sslmode=prefer", "sslmode must be disable, require or verify-full"),
            ("postgres://u@h/db?host=relative", "absolute directory"),
            ("postgres://u@h/db?application_name=x", "unknown parameter `application_name`"),
            ("postgres://u@/db", "names no host"),
        ])
    func refused(url: String, message: String) {
        let error = #expect(throws: StoreError.self) { try PostgresLocation(url: url) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("secret") != true)
    }

    @Test("a password file must be the owner's alone, and its first line is the password")
    func passwordFile() throws {
        let directory = try TemporaryDirectory()
        let location = try PostgresLocation(url: "postgres://inbox_staff@db/inbox")
        let open = try directory.write("open", "hunter2\n")
        chmod(open, 0o644)
        let refused = #expect(throws: StoreError.self) { try location.configuration(passwordFile: open, caFile: nil) }
        #expect(refused?.description.contains("mode 0600") == true)
        let closed = try directory.write("closed", "correct horse\nignored\n")
        chmod(closed, 0o600)
        #expect(try location.configuration(passwordFile: closed, caFile: nil).password == "correct horse")
        #expect(throws: StoreError.self) { try location.configuration(passwordFile: "\(directory.path)/none", caFile: nil) }
        // Written on Windows: the line ending is not part of the password.
        let crlf = try directory.write("crlf", "correct horse\r\n")
        chmod(crlf, 0o600)
        #expect(try location.configuration(passwordFile: crlf, caFile: nil).password == "correct horse")
        // A link is not followed: what is checked must be what is read.
        let link = "\(directory.path)/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: closed)
        #expect(throws: StoreError.self) { try location.configuration(passwordFile: link, caFile: nil) }
    }
}
