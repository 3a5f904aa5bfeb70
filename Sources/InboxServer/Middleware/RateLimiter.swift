// A per-client rate limit held in memory only (client addresses are never stored or logged): a
// token bucket per client, refilled continuously. Every request costs a constant amount of work,
// however many clients there are: the buckets are split across shards with a lock each, and a
// client idle for a whole period is forgotten by rotating two generations of tables rather than by
// scanning them (after a period without requests a bucket is full again, indistinguishable from a
// new client). Memory is bounded: past `maximumClients` in a generation, further new clients
// share one bucket until the next rotation.
import Foundation
import Synchronization

final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: TimeInterval
    }

    /// The tables of one shard: the current generation, the one before, and when the current began.
    private struct Shard {
        var current: [ClientKey: Bucket] = [:]
        var previous: [ClientKey: Bucket] = [:]
        var started: TimeInterval?
        var overflow: Bucket?
    }

    /// One shard's lock and tables (a Mutex cannot sit in an array by itself).
    private final class ShardLock: Sendable {
        let tables = Mutex(Shard())
    }

    static let shardCount = 16

    let limit: RateLimit
    /// Clients tracked per generation before new ones share the overflow bucket.
    let maximumClients: Int
    private let shards: [ShardLock]

    init(limit: RateLimit, maximumClients: Int = 1_000_000) {
        self.limit = limit
        self.maximumClients = maximumClients
        shards = (0..<Self.shardCount).map { _ in ShardLock() }
    }

    /// Takes a token for `client`; nil if allowed, else the seconds until one is available.
    func retryAfter(client: ClientKey, now: TimeInterval = ProcessInfo.processInfo.systemUptime) -> Int? {
        let capacity = Double(limit.requests)
        let rate = capacity / limit.period
        let perShard = max(1, maximumClients / Self.shardCount)
        let shard = shards[Int(UInt(bitPattern: client.hashValue) % UInt(Self.shardCount))]
        return shard.tables.withLock { shard in
            Self.rotate(&shard, now: now, period: limit.period)
            var bucket: Bucket
            var isOverflow = false
            if let found = shard.current[client] {
                bucket = found
            } else if let found = shard.previous.removeValue(forKey: client) {
                bucket = found
            } else if shard.current.count < perShard {
                bucket = Bucket(tokens: capacity, updated: now)
            } else {
                isOverflow = true
                bucket = shard.overflow ?? Bucket(tokens: capacity, updated: now)
            }
            bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            if isOverflow { shard.overflow = bucket } else { shard.current[client] = bucket }
            return allowed ? nil : max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    /// Clients currently remembered, over every shard (for tests and metrics).
    var trackedClients: Int {
        shards.reduce(0) { total, shard in total + shard.tables.withLock { $0.current.count + $0.previous.count } }
    }

    /// At most once a period: what was current becomes previous, and what was previous (untouched
    /// for a whole period, so full again) is dropped in one assignment.
    private static func rotate(_ shard: inout Shard, now: TimeInterval, period: TimeInterval) {
        guard let started = shard.started else {
            shard.started = now
            return
        }
        guard now - started >= period else { return }
        shard.previous = now - started >= 2 * period ? [:] : shard.current
        shard.current = [:]
        shard.overflow = nil
        shard.started = now
    }
}
