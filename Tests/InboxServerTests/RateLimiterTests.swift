import Testing

// The rate limit: parsing, bursts, refill, and separate clients.
@testable import InboxServer

@Suite("rate limit")
struct RateLimiterTests {
    @Test(
        "N/PERIOD parses; anything else does not",
        arguments: [
            ("10/minute", RateLimit(requests: 10, period: 60)), ("100/hour", RateLimit(requests: 100, period: 3600)),
            ("5/30s", RateLimit(requests: 5, period: 30)), ("1/s", RateLimit(requests: 1, period: 1)),
        ])
    func parsing(text: String, limit: RateLimit) {
        #expect(RateLimit(parsing: text) == limit)
    }

    @Test("malformed limits are refused", arguments: ["10", "0/minute", "-1/minute", "10/fortnight", "ten/minute", "10/0s"])
    func malformed(text: String) {
        #expect(RateLimit(parsing: text) == nil)
    }

    @Test("a burst is allowed, then the client waits; another client is not affected")
    func buckets() {
        let limiter = RateLimiter(limit: RateLimit(requests: 3, period: 60))
        for _ in 0..<3 { #expect(limiter.retryAfter(client: "a", now: 100) == nil) }
        #expect(limiter.retryAfter(client: "a", now: 100) == 20)
        #expect(limiter.retryAfter(client: "b", now: 100) == nil)
        #expect(limiter.retryAfter(client: "a", now: 120) == nil)
        #expect(limiter.retryAfter(client: "a", now: 121) != nil)
    }
}
