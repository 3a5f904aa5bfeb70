// Epochs are named by their first month (YYYYMM) and cover whole months in UTC.
import Foundation
import InboxCrypto
import Testing

@Suite("epoch calendar")
struct EpochCalendarTests {
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test(
        "monthly epochs",
        arguments: [
            ("2026-11-29T10:00:00Z", 202611 as UInt32), ("2026-11-01T00:00:00Z", 202611), ("2026-10-31T23:59:59Z", 202610),
            ("2026-12-31T23:59:59Z", 202612), ("2027-01-01T00:00:00Z", 202701),
        ])
    func monthly(moment: String, epoch: UInt32) {
        #expect(EpochCalendar.monthly.epoch(containing: date(moment)) == epoch)
    }

    @Test("quarterly epochs start in January, April, July and October")
    func quarterly() throws {
        let calendar = try EpochCalendar(monthsPerEpoch: 3)
        #expect(calendar.epoch(containing: date("2026-11-29T10:00:00Z")) == 202610)
        #expect(try calendar.epoch(after: 202610) == 202701)
        #expect(try calendar.interval(of: 202610) == DateInterval(start: date("2026-10-01T00:00:00Z"), end: date("2027-01-01T00:00:00Z")))
        #expect(throws: CryptoError.self) { try calendar.interval(of: 202611) }
    }

    @Test("lengths that do not divide a year are refused", arguments: [0, 5, 7, 24])
    func refusedLengths(months: Int) {
        #expect(throws: CryptoError.self) { try EpochCalendar(monthsPerEpoch: months) }
    }

    @Test("the next epochs cross the year")
    func crossYear() throws {
        #expect(try EpochCalendar.monthly.epochs(from: date("2026-12-05T00:00:00Z"), count: 3) == [202612, 202701, 202702])
    }
}
