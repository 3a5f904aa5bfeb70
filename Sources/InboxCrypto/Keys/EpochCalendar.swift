// Which epoch a moment belongs to. An epoch is named by its first month as YYYYMM (202611 for
// November 2026) so that a person reading `inbox keys list` or a sealed field's header knows when
// it was. Numbers outside YYYYMM name the keys of legal holds (SealedField.isHoldKey).
public import Foundation
import InboxTime

public struct EpochCalendar: Sendable, Equatable {
    /// Epoch lengths that divide a year, so that epochs always start in the same months.
    public static let allowedMonthsPerEpoch = [1, 2, 3, 4, 6, 12]
    /// The years an epoch number can name (YYYYMM with four digits).
    static let years = 2000...9999

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

    private init(checked monthsPerEpoch: Int) {
        self.monthsPerEpoch = monthsPerEpoch
    }

    /// The default of the policy: one epoch a month.
    public static let monthly = EpochCalendar(checked: 1)

    /// The epoch of `date`: its year and the first month of its epoch, as YYYYMM. A date outside
    /// the years 2000 to 9999 (a clock gone wrong) belongs to the nearest epoch that has a number.
    public func epoch(containing date: Date) -> UInt32 {
        let utc = UTCDate(date)
        guard Self.years.contains(utc.year) else {
            return utc.year < Self.years.lowerBound ? 200_001 : UInt32(999_900 + 12 - monthsPerEpoch + 1)
        }
        let month = ((utc.month - 1) / monthsPerEpoch) * monthsPerEpoch + 1
        return UInt32(utc.year * 100 + month)
    }

    /// Whether `epoch` is the number of a calendar epoch of this length.
    public func isCalendarEpoch(_ epoch: UInt32) -> Bool {
        let year = Int(epoch / 100)
        let month = Int(epoch % 100)
        return Self.years.contains(year) && (1...12).contains(month) && (month - 1) % monthsPerEpoch == 0
    }

    /// [start, end) of a calendar epoch, in UTC.
    public func interval(of epoch: UInt32) throws -> DateInterval {
        guard isCalendarEpoch(epoch) else {
            throw CryptoError(.keyFile, "\(epoch) is not the first month of a \(monthsPerEpoch)-month epoch")
        }
        let start = UTCDate(year: Int(epoch / 100), month: Int(epoch % 100), day: 1)
        return DateInterval(start: start.date, end: start.addingMonths(monthsPerEpoch).date)
    }

    public func epoch(after epoch: UInt32) throws -> UInt32 {
        let next = self.epoch(containing: try interval(of: epoch).end)
        guard next > epoch else { throw CryptoError(.keyFile, "no epoch has a number after \(epoch)") }
        return next
    }

    /// `count` epochs starting with the one that contains `date`.
    public func epochs(from date: Date, count: Int) throws -> [UInt32] {
        var epochs: [UInt32] = []
        var next = epoch(containing: date)
        while epochs.count < count {
            epochs.append(next)
            next = try epoch(after: next)
        }
        return epochs
    }
}
