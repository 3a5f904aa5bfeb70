// The intake's counters and histograms, exposed on the admin port in the Prometheus text format.
// Numbers only: no label ever carries a reference, an address or a client.
//
// The registry belongs to the application that `buildApplication` builds, not to swift-metrics'
// process-wide bootstrap: each application, and each test, counts on its own, and what /metrics
// shows is exactly what this type registered.
import Prometheus

final class IntakeMetrics: Sendable {
    /// Upper bounds of the latency histogram, in seconds.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    static let batchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    /// The labels of `inbox_submissions_rejected_total`.
    static let rejectionReasons = ["invalid", "too_large", "media_type", "malformed", "origin"]

    private let registry: PrometheusCollectorRegistry
    private let accepted: Counter
    private let honeypot: Counter
    private let slowClientsClosed: Counter
    private let rejected: [String: Counter]
    private let refused: [String: Counter]
    private let latency: ValueHistogram
    private let batches: ValueHistogram

    init() {
        // A local, not self's: the closures below may not capture self before it is whole.
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        accepted = registry.makeCounter(
            descriptor: Self.descriptor("inbox_submissions_accepted_total", help: "Submissions stored and acknowledged."))
        honeypot = registry.makeCounter(
            descriptor: Self.descriptor(
                "inbox_submissions_honeypot_total", help: "Submissions that filled the hidden field; answered as a success, not stored."))
        slowClientsClosed = registry.makeCounter(
            descriptor: Self.descriptor(
                "inbox_slow_connections_closed_total", help: "Connections closed for not sending a whole request in time."))
        // Every reason is registered up front, so that each series exists (at 0) before its first
        // event: a rate() over a series that appears only with its first increment misses that one.
        let rejectedDescriptor = Self.descriptor(
            "inbox_submissions_rejected_total", help: "Submissions refused for what they were, by reason.")
        rejected = Dictionary(
            uniqueKeysWithValues: Self.rejectionReasons.map {
                ($0, registry.makeCounter(descriptor: rejectedDescriptor, labels: [("reason", $0)]))
            })
        let refusedDescriptor = Self.descriptor(
            "inbox_submissions_refused_total", help: "Valid submissions that could not be taken, by reason; the citizen kept the text.")
        refused = Dictionary(
            uniqueKeysWithValues: SubmissionRefusal.metricReasons.map {
                ($0, registry.makeCounter(descriptor: refusedDescriptor, labels: [("reason", $0)]))
            })
        latency = registry.makeValueHistogram(
            descriptor: Self.descriptor("inbox_submission_duration_seconds", help: "Time from request to durable acknowledgement."),
            buckets: Self.latencyBuckets)
        batches = registry.makeValueHistogram(
            descriptor: Self.descriptor("inbox_commit_batch_size", help: "Submissions per group-commit transaction."),
            buckets: Self.batchBuckets)
    }

    func recordAccepted(seconds: Double) {
        accepted.increment()
        latency.record(seconds)
    }

    func recordHoneypot() { honeypot.increment() }

    func recordSlowClientClosed() { slowClientsClosed.increment() }

    /// A submission refused for what it was: `reason` is one of `rejectionReasons`. Any other
    /// string is not counted: a label is never made from a value the code did not list.
    func recordRejected(_ reason: String) { rejected[reason]?.increment() }

    /// A valid submission that could not be taken: `reason` is one of SubmissionRefusal.metricReasons
    /// (any other string is not counted, as above).
    func recordRefused(_ reason: String) { refused[reason]?.increment() }

    func recordBatch(size: Int) { batches.record(Double(size)) }

    /// Appends every metric in the Prometheus text exposition format, version 0.0.4.
    func emit(into buffer: inout [UInt8]) {
        registry.emit(into: &buffer)
    }

    /// The whole name in one piece (no namespace or unit to join), so that a search for a metric's
    /// name finds where it is made.
    private static func descriptor(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
