// A header of weighted values, as Accept and Accept-Language are (RFC 9110, section 12.4.2):
// `value;param=x;q=0.8, value2`. Read leniently and without a single trap: an empty item, a bare
// `;`, an unknown parameter or a malformed weight never stops the server (`Accept-Language: ;`
// once did, through a subscript of an empty split).

struct QualityList: Equatable {
    struct Item: Equatable {
        /// The value before its parameters, lowercased: `en-gb`, `application/json`.
        let value: String
        /// 0 to 1; 1 when no weight is given.
        let quality: Double
    }

    let items: [Item]

    init(_ header: String?) {
        var items: [Item] = []
        for element in (header ?? "").split(separator: ",") {
            var parts = element.split(separator: ";", omittingEmptySubsequences: false).makeIterator()
            guard let first = parts.next() else { continue }
            let value = Self.trimmed(first).lowercased()
            guard !value.isEmpty else { continue }
            var quality = 1.0
            var malformed = false
            while let parameter = parts.next() {
                let text = Self.trimmed(parameter).lowercased()
                guard text.hasPrefix("q=") else { continue }
                if let weight = Self.weight(text.dropFirst(2)) { quality = weight } else { malformed = true }
            }
            // A weight we cannot read says nothing we can rely on: leave the item out.
            if !malformed { items.append(Item(value: value, quality: quality)) }
        }
        self.items = items
    }

    /// The highest weight of the items that `matches` accepts; 0 when none does.
    func quality(where matches: (String) -> Bool) -> Double {
        items.filter { matches($0.value) }.map(\.quality).max() ?? 0
    }

    /// RFC 9110's qvalue: `0`, `0.` and up to three digits, `1`, `1.` and up to three zeros.
    /// Anything else (`nan`, `inf`, `-1`, `2`, `0.1234`) is refused rather than given to `Double`.
    static func weight(_ text: Substring) -> Double? {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, first == "0" || first == "1" else { return nil }
        let fraction = scalars.dropFirst()
        if fraction.isEmpty { return first == "1" ? 1 : 0 }
        guard fraction.first == ".", fraction.count <= 4 else { return nil }
        let digits = fraction.dropFirst()
        guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        if first == "1" { return digits.allSatisfy { $0 == "0" } ? 1 : nil }
        return Double("0." + String(String.UnicodeScalarView(digits)) + "0")
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[start...end]
    }
}
