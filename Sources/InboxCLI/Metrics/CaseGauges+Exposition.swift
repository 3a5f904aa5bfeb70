// The case gauges in the Prometheus text exposition format (version 0.0.4), which node_exporter's
// textfile collector reads; rendered by swift-prometheus, so that names, HELP lines and escaping
// follow the format.
import Prometheus

extension CaseGauges {
    /// The gauges, each with a HELP and a TYPE line, and no labels.
    func exposition() -> [UInt8] {
        // A registry for this one rendering: the command runs once and exits, and nothing else
        // belongs in the file.
        let registry = PrometheusCollectorRegistry()
        for (name, help, value) in metrics {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help)).set(to: Double(value))
        }
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return bytes
    }

    /// Each gauge's whole name (in one piece, so that a search for it finds it here), its help and
    /// its value.
    private var metrics: [(name: String, help: String, value: Int)] {
        [
            ("inbox_cases_open", "Cases not yet answered or closed.", openCases),
            ("inbox_cases_unclaimed", "Open cases that no member of staff has claimed.", unclaimedOpenCases),
            ("inbox_cases_overdue", "Open cases past the answer deadline the policy sets.", overdueCases),
            (
                "inbox_oldest_open_case_age_seconds", "How long the oldest open case has waited, in seconds; 0 when no case is open.",
                oldestOpenCaseAgeSeconds
            ),
            (
                "inbox_addresses_deleted_unanswered_within_7d",
                "Reply addresses the retention policy deletes within 7 days although their case was never answered.",
                addressesDeletedUnansweredWithin7Days
            ),
        ]
    }
}
