// Times `Purge.run` on stores of different sizes, to show that its cost follows the number of
// expired fields, not the number of records. Usage: purge-benchmark [SCRATCH_DIR] (bench/purge.sh).
//
// The seeded fields are random bytes of the sizes real sealed fields have: the purge never opens a
// field, so sealing a million of them (about 75 µs each) would only slow the seeding.
import Foundation
import InboxCore
import InboxCrypto
import InboxStore

@main
struct PurgeBenchmark {
    struct Scenario {
        let total: Int
        let expired: Int
    }

    static let scenarios = [
        Scenario(total: 100_000, expired: 10_000),
        Scenario(total: 1_000_000, expired: 10_000),
        Scenario(total: 1_000_000, expired: 100_000),
    ]
    static let day: TimeInterval = 86_400

    static func main() async throws {
        let scratch = CommandLine.arguments.dropFirst().first ?? FileManager.default.temporaryDirectory.path
        let policyPath = CommandLine.arguments.dropFirst(2).first ?? "policy/default.toml"
        let policy = try LoadedPolicy.load(path: policyPath)
        say("scenario                      seed s   purge s   fields deleted   fields/s")
        var results: [(Scenario, Double)] = []
        for scenario in scenarios {
            let directory = "\(scratch)/purge-bench-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let (seconds, purgeSeconds, deleted) = try await run(scenario, in: directory, policy: policy)
            results.append((scenario, purgeSeconds))
            say(
                String(
                    format: "%8d records, %6d expired  %6.1f  %8.2f  %15d  %9.0f", scenario.total, scenario.expired, seconds, purgeSeconds,
                    deleted, Double(deleted) / purgeSeconds))
        }
        let base = results[0].1
        say("")
        say(String(format: "ratio, 10x the records, same expired:  %.2f (1.0 means the total does not matter)", results[1].1 / base))
        say(
            String(
                format: "ratio, 10x the expired, same records:  %.2f (10 means linear in the expired count)", results[2].1 / results[1].1))
    }

    /// Seeds `scenario` and purges once; returns seeding seconds, purge seconds, fields deleted.
    static func run(_ scenario: Scenario, in directory: String, policy: LoadedPolicy) async throws -> (Double, Double, Int) {
        let now = Date()
        let hierarchy = KeyHierarchy(
            keys: KeyDirectory(path: "\(directory)/keys"), privateKeys: PrivateKeyDirectory(path: "\(directory)/private"))
        _ = try hierarchy.initialize(
            passphrase: SecretBytes(copying: Array("benchmark passphrase".utf8)), calendar: .monthly, now: now - 120 * day)
        let store = try SQLiteStore(path: "\(directory)/inbox.sqlite")

        let seedStart = Date()
        let batch = 10_000
        for start in stride(from: 0, to: scenario.total, by: batch) {
            var submissions: [NewSubmission] = []
            for index in start..<min(start + batch, scenario.total) {
                // The expired ones were received 100 days ago (past email's 90-day maximum); the rest 10 days ago.
                let received = index < scenario.expired ? now - 100 * day : now - 10 * day
                submissions.append(
                    NewSubmission(
                        reference: try Reference.random(), receivedAt: received + Double(index % 1000),
                        sealedFields: [.email: try randomData(73), .question: try randomData(5 + 32 + 400 + 16)],
                        emailIndex: EmailIndexEntry(hmac: try randomData(32), epoch: 202601)))
            }
            try await store.insert(submissions)
        }
        let seedSeconds = Date().timeIntervalSince(seedStart)

        let purgeStart = Date()
        let purge = Purge(policy: policy, store: store, keys: hierarchy.keys, audit: AuditLog(store: store, keys: hierarchy.keys))
        let report = try await purge.run(now: now)
        let purgeSeconds = Date().timeIntervalSince(purgeStart)
        return (seedSeconds, purgeSeconds, report.deletedFields.values.reduce(0, +))
    }

    /// Writes a line at once, so that a redirected run shows each scenario as it finishes.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func randomData(_ count: Int) throws -> Data {
        Data(try SecureRandom.bytes(count: count))
    }
}
