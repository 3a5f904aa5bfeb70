// /metrics on the admin port, in process: after a known set of events every metric is there, typed
// and described, with the value those events make; the text is parsed as a scraper would read it.
import Foundation
import Hummingbird
import HummingbirdTesting
import InboxCore
import InboxTestSupport
import NIOCore
import Testing

@testable import InboxServer

@Suite("/metrics on the admin port")
struct MetricsExpositionTests {
    /// Every family /metrics shows for an embedded store, and its type: one added or lost fails here.
    static let families: [String: String] = [
        "inbox_submissions_accepted_total": "counter",
        "inbox_submissions_honeypot_total": "counter",
        "inbox_submissions_rejected_total": "counter",
        "inbox_submissions_refused_total": "counter",
        "inbox_slow_connections_closed_total": "counter",
        "inbox_submission_duration_seconds": "histogram",
        "inbox_commit_batch_size": "histogram",
        "inbox_data_directory_free_bytes": "gauge",
    ]

    /// GET /metrics from an admin controller over `metrics`, parsed.
    static func scrape(_ metrics: IntakeMetrics, space: DataDirectorySpace?) async throws -> PrometheusExposition {
        let fixture = try IntakeFixture()
        let router = Router()
        AdminController(
            sealer: try IntakeSealer(keys: fixture.configuration.keys), store: fixture.store, metrics: metrics, space: space,
            minimumFreeBytes: 0
        ).addRoutes(to: router)
        return try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                return try PrometheusExposition(String(buffer: response.body))
            }
        }
    }

    @Test("every metric after recorded events, with its type, its help and the value the events make")
    func everyMetric() async throws {
        let metrics = IntakeMetrics()
        metrics.recordAccepted(seconds: 0.003)
        metrics.recordAccepted(seconds: 0.2)
        metrics.recordHoneypot()
        metrics.recordSlowClientClosed()
        metrics.recordSlowClientClosed()
        metrics.recordRejected("malformed")
        metrics.recordRejected("invalid")
        metrics.recordRejected("invalid")
        metrics.recordRefused("store_full")
        metrics.recordRefused("rate_limited")
        metrics.recordBatch(size: 3)
        metrics.recordBatch(size: 1)
        let directory = try TemporaryDirectory()
        let space = DataDirectorySpace(path: directory.path)
        let exposition = try await Self.scrape(metrics, space: space)

        #expect(exposition.types == Self.families)
        for family in Self.families.keys {
            #expect(exposition.help[family]?.isEmpty == false, "\(family) has no HELP")
        }
        let samples = exposition.samples
        #expect(samples["inbox_submissions_accepted_total"] == 2)
        #expect(samples["inbox_submissions_honeypot_total"] == 1)
        #expect(samples["inbox_slow_connections_closed_total"] == 2)
        #expect(samples["inbox_submissions_rejected_total{reason=\"invalid\"}"] == 2)
        #expect(samples["inbox_submissions_rejected_total{reason=\"malformed\"}"] == 1)
        #expect(samples["inbox_submissions_rejected_total{reason=\"too_large\"}"] == 0)
        #expect(samples["inbox_submissions_rejected_total{reason=\"media_type\"}"] == 0)
        // Every refusal reason is a series from the start, at 0 until it happens.
        for reason in SubmissionRefusal.metricReasons {
            let expected: Double = ["store_full", "rate_limited"].contains(reason) ? 1 : 0
            #expect(samples["inbox_submissions_refused_total{reason=\"\(reason)\"}"] == expected, "\(reason)")
        }
        #expect(samples.keys.filter { $0.hasPrefix("inbox_submissions_refused_total") }.count == SubmissionRefusal.metricReasons.count)
        #expect(samples.keys.filter { $0.hasPrefix("inbox_submissions_rejected_total") }.count == IntakeMetrics.rejectionReasons.count)

        // 3 ms and 200 ms: cumulative buckets, as Prometheus counts them.
        #expect(samples["inbox_submission_duration_seconds_count"] == 2)
        #expect(samples["inbox_submission_duration_seconds_sum"] == 0.003 + 0.2)
        #expect(samples["inbox_submission_duration_seconds_bucket{le=\"0.001\"}"] == 0)
        #expect(samples["inbox_submission_duration_seconds_bucket{le=\"0.005\"}"] == 1)
        #expect(samples["inbox_submission_duration_seconds_bucket{le=\"0.1\"}"] == 1)
        #expect(samples["inbox_submission_duration_seconds_bucket{le=\"0.25\"}"] == 2)
        #expect(samples["inbox_submission_duration_seconds_bucket{le=\"+Inf\"}"] == 2)
        #expect(Self.buckets("inbox_submission_duration_seconds", in: exposition) == IntakeMetrics.latencyBuckets.count + 1)

        // Batches of 3 and 1.
        #expect(samples["inbox_commit_batch_size_count"] == 2)
        #expect(samples["inbox_commit_batch_size_sum"] == 4)
        #expect(samples["inbox_commit_batch_size_bucket{le=\"1.0\"}"] == 1)
        #expect(samples["inbox_commit_batch_size_bucket{le=\"2.0\"}"] == 1)
        #expect(samples["inbox_commit_batch_size_bucket{le=\"4.0\"}"] == 2)
        #expect(samples["inbox_commit_batch_size_bucket{le=\"+Inf\"}"] == 2)
        #expect(Self.buckets("inbox_commit_batch_size", in: exposition) == IntakeMetrics.batchBuckets.count + 1)

        // The free space is read at the scrape; other processes write meanwhile, so within 1 GiB.
        let free = try #require(samples["inbox_data_directory_free_bytes"])
        let expected = Double(try #require(space.read()).freeBytes)
        #expect(free > 0)
        #expect(abs(free - expected) < Double(1 << 30))
    }

    @Test("a reason no one listed makes no series: labels come from the code, never from input")
    func unlistedReason() async throws {
        let metrics = IntakeMetrics()
        metrics.recordRejected("anna@example.se")
        metrics.recordRefused("anna@example.se")
        let exposition = try await Self.scrape(metrics, space: nil)
        #expect(exposition.samples.keys.allSatisfy { !$0.contains("anna") })
        #expect(exposition.samples.filter { $0.key.hasPrefix("inbox_submissions_re") }.values.allSatisfy { $0 == 0 })
    }

    @Test("no free-space gauge for a database elsewhere, nor when the data directory cannot be asked")
    func freeSpaceAbsent() async throws {
        let elsewhere = try await Self.scrape(IntakeMetrics(), space: nil)
        #expect(elsewhere.types["inbox_data_directory_free_bytes"] == nil)
        #expect(elsewhere.types["inbox_submissions_accepted_total"] == "counter")

        let gone = try await Self.scrape(IntakeMetrics(), space: DataDirectorySpace(path: "/nonexistent/inbox-\(UUID().uuidString)"))
        #expect(gone.types["inbox_data_directory_free_bytes"] == nil)
        #expect(gone.samples["inbox_data_directory_free_bytes"] == nil)
    }

    static func buckets(_ histogram: String, in exposition: PrometheusExposition) -> Int {
        exposition.samples.keys.filter { $0.hasPrefix("\(histogram)_bucket{") }.count
    }
}
