// The reserve of random bytes behind references: every draw gets bytes no other draw got, across
// page refills and from many threads at once (a draw handed the same bytes twice would give two
// citizens the same reference, or a guessable one).
import Synchronization
import Testing

@testable import InboxCrypto

@Suite("random reserve")
struct RandomReserveTests {
    func draw(_ reserve: RandomReserve, _ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withUnsafeMutableBytes { try reserve.fill($0) }
        return bytes
    }

    @Test("draws never repeat, across many refills of a small page")
    func noRepeats() throws {
        // 64-byte pages: seven nine-byte draws each, then a refill.
        let reserve = RandomReserve(pageByteCount: 64)
        let draws = try (0..<2_000).map { _ in try draw(reserve, 9) }
        #expect(Set(draws).count == draws.count)
        #expect(draws.allSatisfy { $0 != [UInt8](repeating: 0, count: 9) })
    }

    @Test("draws from eight threads at once never repeat")
    func concurrentDraws() async throws {
        let reserve = RandomReserve(pageByteCount: 64)
        let all = try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
            for _ in 0..<8 {
                group.addTask { try (0..<500).map { _ in try draw(reserve, 9) } }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0 += $1 }
        }
        #expect(all.count == 4_000)
        #expect(Set(all).count == all.count)
    }

    @Test("a draw larger than a page comes straight from the CSPRNG")
    func largerThanAPage() throws {
        let reserve = RandomReserve(pageByteCount: 16)
        let first = try draw(reserve, 100)
        let second = try draw(reserve, 100)
        #expect(first != second && first != [UInt8](repeating: 0, count: 100))
    }
}
