// The language of a page: Swedish by default, English when the query says `lang=en` or the
// browser prefers English to Swedish.

enum PageLanguage: String, Sendable, CaseIterable {
    case sv, en

    var isSwedish: Bool { self == .sv }

    /// `?lang=` wins; otherwise the first of sv or en in Accept-Language's order of preference.
    static func negotiate(query: String?, acceptLanguage: String?) -> PageLanguage {
        if let query, let language = PageLanguage(rawValue: query) { return language }
        var best: (language: PageLanguage, quality: Double)? = nil
        for item in QualityList(acceptLanguage).items {
            let language: PageLanguage? = item.value.hasPrefix("sv") ? .sv : item.value.hasPrefix("en") ? .en : nil
            if let language, item.quality > (best?.quality ?? 0) { best = (language, item.quality) }
        }
        return best?.language ?? .sv
    }

    var other: PageLanguage { self == .sv ? .en : .sv }
}
