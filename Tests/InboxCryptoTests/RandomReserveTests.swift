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

    /// A source that writes 0, 1, 2, … (as 32-bit numbers, so no value repeats in a test) and
    /// counts the bytes it wrote.
    final class CountingSource: Sendable {
        let written = Mutex<[UInt8]>([])

        func fill(_ buffer: UnsafeMutableRawBufferPointer) {
            written.withLock { written in
                for index in buffer.indices {
                    let position = written.count
                    buffer[index] = UInt8(truncatingIfNeeded: (position / 4) >> ((position % 4) * 8))
                    written.append(buffer[index])
                }
            }
        }
    }

    @Test("draws are the source's bytes in order, each once; a page's too-short end is skipped")
    func eachByteOnce() throws {
        let source = CountingSource()
        // 64-byte pages: seven nine-byte draws each (63 bytes), then the last byte is skipped.
        let reserve = RandomReserve(pageByteCount: 64, source: source.fill)
        let draws = try (0..<70).map { _ in try draw(reserve, 9) }
        let written = source.written.withLock { $0 }
        #expect(written.count == 10 * 64)
        let expected = (0..<10).flatMap { page in written[(page * 64)..<(page * 64 + 63)] }
        #expect(Array(draws.joined()) == Array(expected))
    }

    @Test("draws from eight threads at once are the source's bytes, each given once")
    func concurrentDraws() async throws {
        let source = CountingSource()
        let reserve = RandomReserve(pageByteCount: 64, source: source.fill)
        let all = try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
            for _ in 0..<8 {
                group.addTask { try (0..<504).map { _ in try draw(reserve, 9) } }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0 += $1 }
        }
        let written = source.written.withLock { $0 }
        let pages = written.count / 64
        let used = (0..<pages).map { page in Array(written[(page * 64)..<(page * 64 + 63)]) }
        // 4,032 draws fill 576 pages exactly: every draw is one of their nine-byte slots, and no
        // slot was given to two draws.
        let slots = used.flatMap { page in (0..<7).map { Array(page[($0 * 9)..<($0 * 9 + 9)]) } }
        #expect(all.count == 4_032 && slots.count == 4_032)
        let strays = Set(all).subtracting(slots)
        #expect(strays.isEmpty, "\(strays.count) draws are not a slot of the pages written")
        #expect(Set(all).count == all.count, "\(all.count - Set(all).count) draws repeat another")
    }

    @Test("the reserve behind references draws from the CSPRNG, and a draw larger than a page directly")
    func fromTheCSPRNG() throws {
        let references = try (0..<1_000).map { _ in try draw(RandomReserve.shared, 9) }
        #expect(Set(references).count == references.count)
        let reserve = RandomReserve(pageByteCount: 16)
        let first = try draw(reserve, 100)
        let second = try draw(reserve, 100)
        #expect(first != second && first != [UInt8](repeating: 0, count: 100))
    }
}
