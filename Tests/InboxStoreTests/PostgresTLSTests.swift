// TLS to PostgreSQL through NIOSSL, against the throwaway cluster's certificate for `localhost`
// from a throwaway CA: verify-full connects with that CA and the right name, and refuses another
// CA or another name; require encrypts without checking.
import Foundation
import InboxStore
import InboxTestSupport
import Logging
import Testing

@Suite("PostgreSQL over TLS", .enabled(if: ThrowawayPostgres.shared != nil))
struct PostgresTLSTests {
    /// Connects and asks for the schema: on the cluster's own `postgres` database there is none,
    /// so a `.schema` error is the proof that TLS and the password got through. A connection that
    /// should succeed is given time (the suite runs beside every other on two loaded cores: the
    /// first handshake once took over three seconds); a refused one fails by itself or after 3 s.
    func connect(_ url: String, caFile: String?, expecting success: Bool = false) async throws -> (any Error)? {
        let cluster = try #require(ThrowawayPostgres.shared)
        let directory = URL(fileURLWithPath: cluster.socket).deletingLastPathComponent().path
        let location = try PostgresLocation(url: url)
        var logger = Logger(label: "tls-test")
        logger.logLevel = .critical
        let store = PostgresStore(
            configuration: try location.configuration(passwordFile: "\(directory)/superuser-password", caFile: caFile), logger: logger,
            patience: .seconds(success ? 30 : 3))
        do {
            try await store.withRunning { try await store.checkSchema() }
            return nil
        } catch {
            return error
        }
    }

    static func reachedTheDatabase(_ error: (any Error)?) -> Bool {
        guard case .schema? = error as? StoreError else { return false }
        return true
    }

    @Test("verify-full with the cluster's CA and its name connects; another CA or another name is refused")
    func verifyFull() async throws {
        let cluster = try #require(ThrowawayPostgres.shared)
        let directory = URL(fileURLWithPath: cluster.socket).deletingLastPathComponent().path
        let ca = "\(directory)/ca.pem"
        let good = "postgres://postgres@localhost:\(cluster.port)/postgres?sslmode=verify-full"
        #expect(Self.reachedTheDatabase(try await connect(good, caFile: ca, expecting: true)))
        // The certificate names localhost, not 127.0.0.1.
        let wrongName = "postgres://postgres@127.0.0.1:\(cluster.port)/postgres?sslmode=verify-full"
        #expect(!Self.reachedTheDatabase(try await connect(wrongName, caFile: ca)))
        // A CA that never signed the server's certificate.
        let other = try TemporaryDirectory()
        let otherCA = "\(other.path)/other-ca.pem"
        let made = try runProgram(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=other",
                "-keyout", "\(other.path)/other-ca.key", "-out", otherCA,
            ])
        #expect(made.status == 0)
        #expect(!Self.reachedTheDatabase(try await connect(good, caFile: otherCA)))
        // require with the cluster's CA checks the chain, not the name; with another CA it refuses;
        // without a CA it only encrypts.
        let require = "postgres://postgres@127.0.0.1:\(cluster.port)/postgres?sslmode=require"
        #expect(Self.reachedTheDatabase(try await connect(require, caFile: ca, expecting: true)))
        #expect(!Self.reachedTheDatabase(try await connect(require, caFile: otherCA)))
        #expect(Self.reachedTheDatabase(try await connect(require, caFile: nil, expecting: true)))
        // The default is verify-full.
        #expect(
            Self.reachedTheDatabase(
                try await connect("postgres://postgres@localhost:\(cluster.port)/postgres", caFile: ca, expecting: true)))
        #expect(!Self.reachedTheDatabase(try await connect("postgres://postgres@localhost:\(cluster.port)/postgres", caFile: otherCA)))
    }
}
