// The index's normal form of an address: the ASCII fast path gives exactly what the general path
// (Foundation: trimming, NFC, lowercasing) gives, or a person's request would miss their records.
import Foundation
import Testing

@testable import InboxCore

@Suite("email index normalisation")
struct EmailIndexNormalizationTests {
    static func general(_ address: String) -> String {
        address.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
    }

    @Test("ASCII: the fast path agrees with the general one on 20,000 strings of every ASCII byte")
    func asciiAgrees() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
            let address = String(decoding: bytes, as: UTF8.self)
            #expect(EmailIndexNormalization.normaliseASCII(address) == Self.general(address), "\(bytes)")
        }
        for address in [" Anna.Andersson@Example.SE\r\n", "\t\u{0B}\u{0C}x@Y.z ", "   ", "", "A@B.C"] {
            #expect(EmailIndexNormalization.normaliseASCII(address) == Self.general(address))
        }
    }

    @Test("anything not ASCII takes the general path: NFC and Unicode lowercasing")
    func unicode() {
        #expect(EmailIndexNormalization.normaliseASCII("Åsa@Exempel.se") == nil)
        // A decomposed Å (A + combining ring) and a precomposed one index alike.
        #expect(EmailIndexNormalization.normalise("A\u{030A}SA@exempel.se") == EmailIndexNormalization.normalise("Åsa@exempel.se"))
        #expect(EmailIndexNormalization.normalise("\u{00A0}ÅSA@EXEMPEL.SE\u{2028}") == "åsa@exempel.se")
    }
}
