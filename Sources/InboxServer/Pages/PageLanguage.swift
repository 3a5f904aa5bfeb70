// The language of a page: Swedish by default, English when the query says `lang=en` or the
// browser prefers English to Swedish.
import Foundation

enum PageLanguage: String, Sendable {
    case sv, en

    var isSwedish: Bool { self == .sv }

    /// `?lang=` wins; otherwise the first of sv or en in Accept-Language's order of preference.
    static func negotiate(query: String?, acceptLanguage: String?) -> PageLanguage {
        if let query, let language = PageLanguage(rawValue: query) { return language }
        guard let acceptLanguage else { return .sv }
        var best: (language: PageLanguage, quality: Double)? = nil
        for item in acceptLanguage.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let tag = parts[0].lowercased()
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language: PageLanguage? = tag.hasPrefix("sv") ? .sv : tag.hasPrefix("en") ? .en : nil
            if let language, quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .sv
    }

    var other: PageLanguage { self == .sv ? .en : .sv }
}
