// The reference a citizen is given for a question: random, unguessable, easy to read aloud, and
// with a check symbol so that a mistyped reference is caught (DESIGN.md "Command-line and HTTP
// contract").
//
// Nine random symbols of Crockford's base32 (45 bits) and one check symbol computed with the Luhn
// mod N algorithm over the same 32 symbols, grouped 4-4-2: `K7Q2-M9XD-4T`. Luhn mod 32 catches
// every single mistyped symbol and most swaps of neighbours, and keeps the check inside the
// alphabet (Crockford's own check symbols `*~$=U` would not be).
import InboxCrypto

public struct Reference: Sendable, Hashable, Comparable, CustomStringConvertible {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let randomSymbolCount = 9

    /// The reference as the citizen sees it, with its hyphens.
    public let text: String

    private init(symbols: [Character]) {
        let all = symbols + [Self.checkSymbol(for: symbols)]
        text = String(all[0..<4]) + "-" + String(all[4..<8]) + "-" + String(all[8..<10])
    }

    /// A new random reference from OpenSSL's CSPRNG.
    public static func random() throws -> Reference {
        // Rejection-free: each byte's low five bits are uniform over the 32 symbols.
        let bytes = try SecureRandom.bytes(count: randomSymbolCount)
        return Reference(symbols: bytes.map { alphabet[Int($0 & 0x1F)] })
    }

    /// Reads a reference as a person may type it: any case, with or without hyphens or spaces, and
    /// with Crockford's look-alikes (O for 0, I and L for 1). Nil if it is malformed or its check
    /// symbol does not match.
    public init?(parsing input: String) {
        var symbols: [Character] = []
        for character in input.uppercased() where character != "-" && character != " " {
            let normalised: Character =
                switch character {
                case "O": "0"
                case "I", "L": "1"
                default: character
                }
            guard Self.alphabet.contains(normalised) else { return nil }
            symbols.append(normalised)
        }
        guard symbols.count == Self.randomSymbolCount + 1, Self.checkSymbol(for: Array(symbols.dropLast())) == symbols.last else {
            return nil
        }
        self.init(symbols: Array(symbols.dropLast()))
    }

    /// Luhn mod 32, from the rightmost symbol leftwards, doubling every other one.
    static func checkSymbol(for symbols: [Character]) -> Character {
        let n = alphabet.count
        var factor = 2
        var sum = 0
        for symbol in symbols.reversed() {
            let value = alphabet.firstIndex(of: symbol)!
            let product = factor * value
            sum += product / n + product % n
            factor = factor == 2 ? 1 : 2
        }
        return alphabet[(n - sum % n) % n]
    }

    public var description: String { text }

    public static func < (lhs: Reference, rhs: Reference) -> Bool { lhs.text < rhs.text }
}
