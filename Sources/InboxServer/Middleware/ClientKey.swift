// Whom the rate limit counts: an IPv4 address, or an IPv6 /64. One household, office or phone on
// IPv6 is given a whole /64 and can pick any of its 2^64 addresses, so counting full IPv6
// addresses would let one client through as many times as it likes (eight addresses of one /64 got
// eight answers at a limit of two). An IPv4-mapped IPv6 address counts as its IPv4 address. Held in
// memory only, never logged.
import Glibc

struct ClientKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    /// The key of a textual address (as NIO gives the peer, or as a trusted proxy forwards it); nil
    /// when it is not an IPv4 or IPv6 address.
    init?(address text: Substring) {
        var trimmed = text
        // "[2001:db8::1]" as some proxies write it; a zone ("fe80::1%eth0") is the same host.
        if trimmed.first == "[", trimmed.last == "]" { trimmed = trimmed.dropFirst().dropLast() }
        if let zone = trimmed.firstIndex(of: "%") { trimmed = trimmed[..<zone] }
        guard !trimmed.isEmpty, trimmed.count <= 45 else { return nil }
        let string = String(trimmed)
        var v4 = in_addr()
        if inet_pton(AF_INET, string, &v4) == 1 {
            self.init(ipv4: UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, string, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // ::ffff:a.b.c.d is an IPv4 client reaching a dual-stack socket.
        if high == 0, low >> 32 == 0xFFFF {
            self.init(ipv4: UInt32(truncatingIfNeeded: low))
            return
        }
        // The /64: the interface identifier is the client's own to choose.
        self.init(high: high, low: 0)
    }

    init(ipv4 address: UInt32) {
        // Apart from every IPv6 /64: no global IPv6 prefix starts with all zeros.
        self.init(high: 0, low: 0xFFFF_0000_0000 | UInt64(address))
    }

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A client whose address could not be read (no peer address): they share one bucket.
    static let unknown = ClientKey(high: UInt64.max, low: UInt64.max)
}
