// The intake's counters and histograms, exposed on the admin port as Prometheus text. Numbers
// only: no label ever carries a reference, an address or a client.
import Synchronization

final class IntakeMetrics: Sendable {
    /// Upper bounds of the latency histogram, in seconds.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    static let batchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]

    private struct Histogram {
        var counts: [Int]
        var sum: Double = 0
        var count = 0

        init(buckets: Int) { counts = Array(repeating: 0, count: buckets) }

        mutating func observe(_ value: Double, bounds: [Double]) {
            for (index, bound) in bounds.enumerated() where value <= bound { counts[index] += 1 }
            sum += value
            count += 1
        }
    }

    private struct State {
        var slowClientsClosed = 0
        var accepted = 0
        var honeypot = 0
        var rejected: [String: Int] = [:]
        var refused: [String: Int] = [:]
        var latency = Histogram(buckets: IntakeMetrics.latencyBuckets.count)
        var batches = Histogram(buckets: IntakeMetrics.batchBuckets.count)
    }

    private let state = Mutex(State())

    func recordAccepted(seconds: Double) {
        state.withLock {
            $0.accepted += 1
            $0.latency.observe(seconds, bounds: Self.latencyBuckets)
        }
    }

    func recordHoneypot() { state.withLock { $0.honeypot += 1 } }

    func recordSlowClientClosed() { state.withLock { $0.slowClientsClosed += 1 } }

    /// A submission refused for what it was: `reason` is one of invalid, too_large, media_type, malformed.
    func recordRejected(_ reason: String) { state.withLock { $0.rejected[reason, default: 0] += 1 } }

    /// A valid submission that could not be taken: `reason` is one of SubmissionRefusal.metricReasons.
    func recordRefused(_ reason: String) { state.withLock { $0.refused[reason, default: 0] += 1 } }

    func recordBatch(size: Int) { state.withLock { $0.batches.observe(Double(size), bounds: Self.batchBuckets) } }

    /// The Prometheus text exposition format, version 0.0.4.
    func exposition() -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP inbox_submissions_accepted_total Submissions stored and acknowledged.")
        lines.append("# TYPE inbox_submissions_accepted_total counter")
        lines.append("inbox_submissions_accepted_total \(snapshot.accepted)")
        lines.append("# HELP inbox_submissions_honeypot_total Submissions that filled the hidden field; answered as a success, not stored.")
        lines.append("# TYPE inbox_submissions_honeypot_total counter")
        lines.append("inbox_submissions_honeypot_total \(snapshot.honeypot)")
        lines.append("# HELP inbox_submissions_rejected_total Submissions refused for what they were, by reason.")
        lines.append("# TYPE inbox_submissions_rejected_total counter")
        for reason in ["invalid", "too_large", "media_type", "malformed"] {
            lines.append("inbox_submissions_rejected_total{reason=\"\(reason)\"} \(snapshot.rejected[reason] ?? 0)")
        }
        lines.append(
            "# HELP inbox_submissions_refused_total Valid submissions that could not be taken, by reason; the citizen kept the text.")
        lines.append("# TYPE inbox_submissions_refused_total counter")
        for reason in SubmissionRefusal.metricReasons {
            lines.append("inbox_submissions_refused_total{reason=\"\(reason)\"} \(snapshot.refused[reason] ?? 0)")
        }
        lines.append("# HELP inbox_slow_connections_closed_total Connections closed for not sending a whole request in time.")
        lines.append("# TYPE inbox_slow_connections_closed_total counter")
        lines.append("inbox_slow_connections_closed_total \(snapshot.slowClientsClosed)")
        append(
            histogram: snapshot.latency, bounds: Self.latencyBuckets, name: "inbox_submission_duration_seconds",
            help: "Time from request to durable acknowledgement.", to: &lines)
        append(
            histogram: snapshot.batches, bounds: Self.batchBuckets, name: "inbox_commit_batch_size",
            help: "Submissions per group-commit transaction.", to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func append(histogram: Histogram, bounds: [Double], name: String, help: String, to lines: inout [String]) {
        lines.append("# HELP \(name) \(help)")
        lines.append("# TYPE \(name) histogram")
        for (index, bound) in bounds.enumerated() {
            lines.append("\(name)_bucket{le=\"\(bound)\"} \(histogram.counts[index])")
        }
        lines.append("\(name)_bucket{le=\"+Inf\"} \(histogram.count)")
        lines.append("\(name)_sum \(histogram.sum)")
        lines.append("\(name)_count \(histogram.count)")
    }
}
