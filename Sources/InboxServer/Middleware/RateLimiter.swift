// A per-client rate limit held in memory only (client addresses are never stored or logged): a
// token bucket per client, refilled continuously, forgotten once full again.
import Foundation
import Synchronization

final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: TimeInterval
    }

    let limit: RateLimit
    private let buckets = Mutex<[String: Bucket]>([:])

    init(limit: RateLimit) {
        self.limit = limit
    }

    /// Takes a token for `client`; nil if allowed, else the seconds until one is available.
    func retryAfter(client: String, now: TimeInterval = ProcessInfo.processInfo.systemUptime) -> Int? {
        let rate = Double(limit.requests) / limit.period
        return buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: Double(limit.requests), updated: now)
            bucket.tokens = min(Double(limit.requests), bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[client] = bucket
                if buckets.count > 10_000 { Self.forgetFull(&buckets, now: now, rate: rate, capacity: Double(limit.requests)) }
                return nil
            }
            buckets[client] = bucket
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    /// Drops clients whose bucket has refilled: they are indistinguishable from new ones.
    private static func forgetFull(_ buckets: inout [String: Bucket], now: TimeInterval, rate: Double, capacity: Double) {
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * rate < capacity }
    }
}
