// A date as a Swedish agency writes it in a letter: "30 november 2026" in Swedish (month names
// in lower case, as Swedish writes them), "30 November 2026" in English (day first, as in British
// usage, which reads the same way as the Swedish).
public import InboxStore

extension StockholmDate {
    static let swedishMonths = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    public func written(in language: CaseLanguage) -> String {
        let months =
            switch language {
            case .sv: Self.swedishMonths
            case .en: Self.englishMonths
            }
        return "\(day) \(months[min(max(month, 1), 12) - 1]) \(year)"
    }
}
