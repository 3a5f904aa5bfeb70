// The reference a citizen is given for a question: random, unguessable, easy to read aloud, and
// with a check symbol so that a mistyped reference is caught (docs/ARCHITECTURE.md "The command-line
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

    /// The alphabet's symbols as ASCII bytes.
    private static let symbols = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// `values` are nine symbols' positions in the alphabet (0 to 31).
    private init(values: [Int]) {
        precondition(values.count == Self.randomSymbolCount, "a reference has \(Self.randomSymbolCount) random symbols")
        // Twelve ASCII bytes, written in place: a string this short is stored inline, so making a
        // reference (one per submission) allocates nothing.
        text = String(unsafeUninitializedCapacity: 12) { bytes in
            var count = 0
            for (position, value) in values.enumerated() {
                if position == 4 || position == 8 {
                    bytes[count] = UInt8(ascii: "-")
                    count += 1
                }
                bytes[count] = Self.symbols[value & 0x1F]
                count += 1
            }
            bytes[count] = Self.symbols[Self.checkValue(for: values)]
            return count + 1
        }
    }

    /// A new random reference from OpenSSL's CSPRNG (through RandomReserve: one call per page of
    /// references, not per reference).
    public static func random() throws -> Reference {
        // Rejection-free: each byte's low five bits are uniform over the 32 symbols.
        var values = [Int](repeating: 0, count: randomSymbolCount)
        try withUnsafeTemporaryAllocation(byteCount: randomSymbolCount, alignment: 1) { bytes in
            try RandomReserve.shared.fill(bytes)
            for index in values.indices { values[index] = Int(bytes[index] & 0x1F) }
        }
        return Reference(values: values)
    }

    /// Reads a reference as a person may type it: any case, with or without hyphens or spaces, and
    /// with Crockford's look-alikes (O for 0, I and L for 1). Nil if it is malformed or its check
    /// symbol does not match.
    public init?(parsing input: String) {
        var values: [Int] = []
        for character in input.uppercased() where character != "-" && character != " " {
            let normalised: Character =
                switch character {
                case "O": "0"
                case "I", "L": "1"
                default: character
                }
            guard let value = Self.alphabet.firstIndex(of: normalised), values.count <= Self.randomSymbolCount else { return nil }
            values.append(value)
        }
        guard values.count == Self.randomSymbolCount + 1, let check = values.last,
            Self.checkValue(for: Array(values.dropLast())) == check
        else {
            return nil
        }
        self.init(values: Array(values.dropLast()))
    }

    /// Luhn mod 32, from the rightmost symbol leftwards, doubling every other one.
    static func checkValue(for values: [Int]) -> Int {
        let n = alphabet.count
        var factor = 2
        var sum = 0
        for value in values.reversed() {
            let product = factor * value
            sum += product / n + product % n
            factor = factor == 2 ? 1 : 2
        }
        return (n - sum % n) % n
    }

    public var description: String { text }

    public static func < (lhs: Reference, rhs: Reference) -> Bool { lhs.text < rhs.text }
}
