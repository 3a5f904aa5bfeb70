// How many submissions one client may make: `requests` per `period`, with a burst of `requests`.
public import Foundation

public struct RateLimit: Sendable, Equatable {
    public let requests: Int
    public let period: TimeInterval

    public init(requests: Int, period: TimeInterval) {
        self.requests = requests
        self.period = period
    }

    /// "10/minute", "100/hour", "5/30s"; nil for a malformed one.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let requests = Int(parts[0]), (1...1_000_000).contains(requests) else { return nil }
        let periods: [String: TimeInterval] = [
            "s": 1, "second": 1, "m": 60, "minute": 60, "h": 3600, "hour": 3600, "d": 86_400, "day": 86_400,
        ]
        let unit = String(parts[1])
        if let period = periods[unit] {
            self.init(requests: requests, period: period)
        } else if unit.hasSuffix("s"), let seconds = Double(unit.dropLast()), (1...86_400).contains(seconds) {
            // From a second to a day: `1/infs` or `1/1e300s` would overflow the Retry-After.
            self.init(requests: requests, period: seconds)
        } else {
            return nil
        }
    }

    /// Ten submissions a minute per client, in bursts of ten: more than a person types, far fewer
    /// than a script sends.
    public static let publicForm = RateLimit(requests: 10, period: 60)
}
