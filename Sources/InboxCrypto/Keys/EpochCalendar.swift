// Which epoch a moment belongs to. An epoch is named by its first month as YYYYMM (202611 for
// November 2026) so that a person reading `inbox keys list` or a sealed field's header knows when
// it was; epoch 0 is the hold epoch, outside time.
public import Foundation

public struct EpochCalendar: Sendable, Equatable {
    /// Epoch lengths that divide a year, so that epochs always start in the same months.
    public static let allowedMonthsPerEpoch = [1, 2, 3, 4, 6, 12]

    public let monthsPerEpoch: Int

    public init(monthsPerEpoch: Int) throws {
        guard Self.allowedMonthsPerEpoch.contains(monthsPerEpoch) else {
            throw CryptoError(
                .keyFile,
                "an epoch of \(monthsPerEpoch) months is not supported; use one of \(Self.allowedMonthsPerEpoch.map(String.init).joined(separator: ", "))"
            )
        }
        self.monthsPerEpoch = monthsPerEpoch
    }

    /// The default of DESIGN.md: one epoch a month.
    public static let monthly = try! EpochCalendar(monthsPerEpoch: 1)

    public func epoch(containing date: Date) -> UInt32 {
        let parts = Self.utc.dateComponents([.year, .month], from: date)
        let month = ((parts.month! - 1) / monthsPerEpoch) * monthsPerEpoch + 1
        return UInt32(parts.year! * 100 + month)
    }

    /// [start, end) of a time epoch, in UTC.
    public func interval(of epoch: UInt32) throws -> DateInterval {
        let year = Int(epoch / 100)
        let month = Int(epoch % 100)
        guard year >= 2000, year <= 9999, (1...12).contains(month), (month - 1) % monthsPerEpoch == 0 else {
            throw CryptoError(.keyFile, "\(epoch) is not the first month of a \(monthsPerEpoch)-month epoch")
        }
        let start = Self.utc.date(from: DateComponents(year: year, month: month, day: 1))!
        let end = Self.utc.date(byAdding: .month, value: monthsPerEpoch, to: start)!
        return DateInterval(start: start, end: end)
    }

    public func epoch(after epoch: UInt32) throws -> UInt32 {
        self.epoch(containing: try interval(of: epoch).end)
    }

    /// `count` epochs starting with the one that contains `date`.
    public func epochs(from date: Date, count: Int) throws -> [UInt32] {
        var epochs = [epoch(containing: date)]
        while epochs.count < count {
            epochs.append(try epoch(after: epochs.last!))
        }
        return epochs
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
