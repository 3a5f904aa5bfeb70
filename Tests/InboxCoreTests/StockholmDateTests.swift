// Dates in letters are Swedish calendar days: a question sent at half past midnight in Stockholm
// was received that day, not the UTC day before, summer time or not.
import Foundation
import InboxCore
import InboxStore
import Testing

@Suite("Stockholm dates")
struct StockholmDateTests {
    @Test(
        "the Stockholm day across the UTC boundary, in winter, in summer and on both switching days",
        arguments: [
            (1_795_995_000, "30 november 2026", "30 November 2026"),  // 2026-11-29 23:30 UTC, 00:30 CET
            (1_782_858_600, "1 juli 2026", "1 July 2026"),  // 2026-06-30 22:30 UTC, 00:30 CEST
            (1_798_759_800, "1 januari 2027", "1 January 2027"),  // 2026-12-31 23:30 UTC, 00:30 CET
            (1_774_740_600, "29 mars 2026", "29 March 2026"),  // 2026-03-28 23:30 UTC, 00:30 CET, the day summer time begins
            (1_774_823_400, "30 mars 2026", "30 March 2026"),  // 2026-03-29 22:30 UTC, 00:30 CEST, its first evening
            (1_792_881_000, "25 oktober 2026", "25 October 2026"),  // 2026-10-24 22:30 UTC, 00:30 CEST, the day it ends
            (1_792_967_400, "25 oktober 2026", "25 October 2026"),  // 2026-10-25 22:30 UTC, 23:30 CET, the same day still
        ])
    func written(seconds: Int, swedish: String, english: String) {
        let date = StockholmDate(Date(timeIntervalSince1970: TimeInterval(seconds)))
        #expect(date.written(in: .sv) == swedish)
        #expect(date.written(in: .en) == english)
    }

    @Test("every month has its name in both languages")
    func months() {
        let swedish = (1...12).map { StockholmDate(year: 2027, month: $0, day: 5).written(in: .sv) }
        let english = (1...12).map { StockholmDate(year: 2027, month: $0, day: 5).written(in: .en) }
        #expect(
            swedish == [
                "5 januari 2027", "5 februari 2027", "5 mars 2027", "5 april 2027", "5 maj 2027", "5 juni 2027", "5 juli 2027",
                "5 augusti 2027", "5 september 2027", "5 oktober 2027", "5 november 2027", "5 december 2027",
            ])
        #expect(
            english == [
                "5 January 2027", "5 February 2027", "5 March 2027", "5 April 2027", "5 May 2027", "5 June 2027", "5 July 2027",
                "5 August 2027", "5 September 2027", "5 October 2027", "5 November 2027", "5 December 2027",
            ])
    }

    @Test("the computed rule agrees with the system's zone database, every half hour of 2024 to 2030")
    func agreesWithZoneDatabase() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let start = 1_704_067_200  // 2024-01-01 00:00 UTC
        let end = 1_924_992_000  // 2031-01-01 00:00 UTC
        var disagreements: [Int] = []
        for seconds in stride(from: start, to: end, by: 1800) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let expected = calendar.dateComponents([.year, .month, .day], from: date)
            let computed = StockholmDate(date)
            if (computed.year, computed.month, computed.day) != (expected.year, expected.month, expected.day) {
                disagreements.append(seconds)
            }
        }
        let first = disagreements.first.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        #expect(disagreements.count == 0, "the first at \(first.map(\.description) ?? "none")")
    }
}
