// Durations as a citizen reads them, in Swedish or English.

extension RetentionDuration {
    public func localized(_ language: NoticeLanguage) -> String {
        guard language == .sv else { return description }
        let one = amount == 1
        let unitName =
            switch unit {
            case .days: one ? "dag" : "dagar"
            case .weeks: one ? "vecka" : "veckor"
            case .months: one ? "månad" : "månader"
            case .years: "år"
            }
        return "\(amount) \(unitName)"
    }
}
