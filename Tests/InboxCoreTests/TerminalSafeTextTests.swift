// The terminal-safety table: what a citizen can write that would act on a staff terminal is shown
// escaped; ordinary text, newlines and tabs are left alone.
import InboxCore
import Testing

@Suite("terminal-safe text")
struct TerminalSafeTextTests {
    @Test(
        "dangerous sequences are shown escaped",
        arguments: [
            ("clear \u{1B}[2J screen", "clear \\u{1B}[2J screen"),
            ("title \u{1B}]0;pwned\u{07} bar", "title \\u{1B}]0;pwned\\u{7} bar"),
            ("bell \u{07}", "bell \\u{7}"),
            ("C1 CSI \u{9B}31m red", "C1 CSI \\u{9B}31m red"),
            ("reversed \u{202E}txt.exe", "reversed \\u{202E}txt.exe"),
            ("isolate \u{2066}x\u{2069}", "isolate \\u{2066}x\\u{2069}"),
            ("carriage\rreturn", "carriage\\u{D}return"),
            ("nul \u{0} byte", "nul \\u{0} byte"),
            ("delete \u{7F}", "delete \\u{7F}"),
            ("line\u{2028}separator", "line\\u{2028}separator"),
            (
                "hyperlink \u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\",
                "hyperlink \\u{1B}]8;;http://evil.example\\u{1B}\\click\\u{1B}]8;;\\u{1B}\\"
            ),
        ])
    func escaped(input: String, expected: String) {
        let rendered = TerminalSafeText.render(input)
        #expect(rendered == expected)
        #expect(!rendered.unicodeScalars.contains { TerminalSafeTextTests.live($0) })
    }

    @Test("ordinary text, newlines and tabs stay readable")
    func readable() {
        let text = "Hej!\n\tHur söker jag bygglov? Здравствуйте, مرحبا, 你好 😀"
        #expect(TerminalSafeText.render(text) == text)
    }

    static func live(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x202E
    }
}
