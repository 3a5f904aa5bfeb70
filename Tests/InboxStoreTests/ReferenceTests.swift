// References: their shape, and a check symbol that catches typing mistakes.
import Foundation
import InboxStore
import Testing

@Suite("references")
struct ReferenceTests {
    @Test("random references have the shape XXXX-XXXX-XX in Crockford's alphabet and parse back")
    func shape() throws {
        for _ in 0..<200 {
            let reference = try Reference.random()
            #expect(reference.text.wholeMatch(of: /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}/) != nil)
            #expect(Reference(parsing: reference.text) == reference)
        }
    }

    @Test("typed as a person may: lower case, no hyphens, O for 0, I and L for 1")
    func lenientParsing() throws {
        let reference = try #require(
            Reference(parsing: "K7Q2-M9XD-4T".replacingOccurrences(of: "4T", with: "4") + String(checkFor("K7Q2M9XD4"))))
        #expect(Reference(parsing: reference.text.lowercased()) == reference)
        #expect(Reference(parsing: reference.text.replacingOccurrences(of: "-", with: "")) == reference)
        #expect(Reference(parsing: reference.text.replacingOccurrences(of: "-", with: " ")) == reference)
        let withZero = try #require(Reference(parsing: "1000-0000-0" + String(checkFor("100000000"))))
        #expect(
            Reference(parsing: withZero.text.replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "l")) == withZero)
    }

    @Test("every single mistyped symbol is caught")
    func singleSubstitutions() throws {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for _ in 0..<50 {
            let symbols = Array(try Reference.random().text.filter { $0 != "-" })
            for position in symbols.indices {
                for replacement in alphabet where replacement != symbols[position] {
                    var typed = symbols
                    typed[position] = replacement
                    #expect(Reference(parsing: String(typed)) == nil, "\(String(typed))")
                }
            }
        }
    }

    @Test("most swaps of neighbours are caught")
    func transpositions() throws {
        var caught = 0
        var swaps = 0
        for _ in 0..<500 {
            let symbols = Array(try Reference.random().text.filter { $0 != "-" })
            for position in 0..<(symbols.count - 1) where symbols[position] != symbols[position + 1] {
                var typed = symbols
                typed.swapAt(position, position + 1)
                swaps += 1
                if Reference(parsing: String(typed)) == nil { caught += 1 }
            }
        }
        // Luhn mod N misses only swaps of two particular symbol pairs: well above 99 %.
        #expect(Double(caught) / Double(swaps) > 0.99, "\(caught) of \(swaps)")
    }

    @Test("malformed input is refused", arguments: ["", "K7Q2-M9XD", "K7Q2-M9XD-4TT", "K7Q2-M9XD-4U", "K7Q2_M9XD_4T", "Å7Q2-M9XD-4T"])
    func malformed(input: String) {
        #expect(Reference(parsing: input) == nil)
    }

    /// The check symbol that completes nine symbols, found by trying all 32.
    func checkFor(_ nine: String) -> Character {
        Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ").first { Reference(parsing: nine + String($0)) != nil }!
    }
}
