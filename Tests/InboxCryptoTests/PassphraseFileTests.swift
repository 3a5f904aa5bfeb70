// Passphrase files are read as `openssl -passin file:` reads them, and unusable ones say why.
import InboxCrypto
import InboxTestSupport
import Testing

@Suite("passphrase files")
struct PassphraseFileTests {
    @Test(
        "the first line without its line feed",
        arguments: [
            ("one line\n", "one line"), ("no line end", "no line end"), ("first\nsecond\n", "first"),
            ("  spaces kept  \n", "  spaces kept  "),
        ])
    func firstLine(contents: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("p", contents)
        #expect(try PassphraseFile.read(file).bytes == Array(expected.utf8))
    }

    @Test(
        "unusable files are refused with a reason",
        arguments: [
            ("", "empty line"), ("\nsecret\n", "empty line"), ("secret\r\n", "carriage return"),
            (String(repeating: "x", count: 1024), "longer than 1023"),
        ])
    func refused(contents: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("p", contents)
        let error = try #require(throws: CryptoError.self) { try PassphraseFile.read(file) }
        #expect(error.code == .passphraseUnavailable)
        #expect(error.message.contains(reason), "\(error.message)")
    }

    @Test("a passphrase file readable by others is refused")
    func loose() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("p", "correct horse battery staple\n", mode: 0o644)
        let error = try #require(throws: CryptoError.self) { try PassphraseFile.read(file) }
        #expect(error.code == .insecurePermissions)
    }

    @Test("a missing file says so")
    func missing() throws {
        let error = try #require(throws: CryptoError.self) { try PassphraseFile.read("/nonexistent/passphrase") }
        #expect(error.code == .passphraseUnavailable)
    }
}
