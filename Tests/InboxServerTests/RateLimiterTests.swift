// The rate limit: parsing, bursts, refill, separate clients, one bucket per IPv6 /64, forgetting
// idle clients without scanning, and a bounded table.
import Testing

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

    @Test(
        "malformed limits are refused",
        arguments: [
            "10", "0/minute", "-1/minute", "10/fortnight", "ten/minute", "10/0s", "1/infs", "1/1e300s", "1/nans", "1/0.5s", "9999999/s",
        ])
    func malformed(text: String) {
        #expect(RateLimit(parsing: text) == nil)
    }

    func key(_ text: String) throws -> ClientKey { try #require(ClientKey(address: Substring(text))) }

    @Test("a burst is allowed, then the client waits; another client is not affected")
    func buckets() throws {
        let limiter = RateLimiter(limit: RateLimit(requests: 3, period: 60))
        let a = try key("192.0.2.1")
        for _ in 0..<3 { #expect(limiter.retryAfter(client: a, now: 100) == nil) }
        #expect(limiter.retryAfter(client: a, now: 100) == 20)
        #expect(limiter.retryAfter(client: try key("192.0.2.2"), now: 100) == nil)
        #expect(limiter.retryAfter(client: a, now: 120) == nil)
        #expect(limiter.retryAfter(client: a, now: 121) != nil)
    }

    /// The red team's finding: eight addresses of one /64 got eight answers at a limit of two.
    @Test("every address of one IPv6 /64 shares a bucket; another /64 has its own")
    func ipv6Prefix() throws {
        let limiter = RateLimiter(limit: RateLimit(requests: 2, period: 60))
        let answers = try (1...8).map { limiter.retryAfter(client: try key("2001:db8:1:2::\($0)"), now: 10) }
        #expect(answers.filter { $0 == nil }.count == 2)
        #expect(limiter.retryAfter(client: try key("2001:db8:1:3::1"), now: 10) == nil)
        #expect(try key("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == key("[2001:db8:1:2::1]"))
        #expect(try key("fe80::1%eth0") == key("fe80::2"))
    }

    @Test("an IPv4 client is the same whether it arrives as IPv4 or IPv4-mapped IPv6, and apart from IPv6")
    func ipv4Mapped() throws {
        #expect(try key("::ffff:198.51.100.7") == key("198.51.100.7"))
        #expect(try key("198.51.100.7") != key("198.51.100.8"))
        #expect(try key("::") != key("0.0.0.0"))
    }

    @Test(
        "what is not an address is no key",
        arguments: ["", "localhost", "198.51.100", "1.2.3.4.5", "2001:db8::g", "[]", "unknown", String(repeating: "1", count: 100)])
    func notAnAddress(text: String) {
        #expect(ClientKey(address: Substring(text)) == nil)
    }

    @Test("clients idle for a period are forgotten by rotation, not by a scan, and a returning client keeps its debt")
    func forgetting() throws {
        let limiter = RateLimiter(limit: RateLimit(requests: 1, period: 60))
        for index in 0..<5_000 { _ = limiter.retryAfter(client: ClientKey(ipv4: UInt32(index)), now: 0) }
        #expect(limiter.trackedClients == 5_000)
        // Within the next period a client that spent its token still has to wait.
        #expect(limiter.retryAfter(client: ClientKey(ipv4: 7), now: 30) != nil)
        // Two periods on, five thousand other clients arrive: every shard they touch rotates, and
        // the first five thousand, idle for two periods, are gone without anything visiting them.
        for index in 0..<5_000 { _ = limiter.retryAfter(client: ClientKey(ipv4: UInt32(100_000 + index)), now: 200) }
        #expect(limiter.trackedClients == 5_000)
        // A client that returns within a period of its last request is remembered, debt and all.
        let returning = ClientKey(ipv4: 100_000)
        #expect(limiter.retryAfter(client: returning, now: 230) != nil)
    }

    @Test("past the table's bound, new clients share one bucket instead of growing memory")
    func bounded() throws {
        let limiter = RateLimiter(limit: RateLimit(requests: 1, period: 60), maximumClients: 160)
        var refused = 0
        for index in 0..<2_000 where limiter.retryAfter(client: ClientKey(ipv4: UInt32(index)), now: 0) != nil { refused += 1 }
        #expect(limiter.trackedClients <= 160)
        #expect(refused > 1_000)
    }
}
