// The register's CSV: RFC 4180 for the diarium, and safe to open in a spreadsheet.
import Foundation
import InboxCore
import InboxCrypto
import InboxStore
import Testing

@Suite("register CSV")
struct RegisterCSVTests {
    @Test(
        "a cell a spreadsheet would run as a formula is shown as text",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"), ("\r=1", "\"'\r=1\""),
        ])
    func neutralised(_ value: String, _ cell: String) {
        #expect(RegisterCSV.cell(value) == cell)
    }

    @Test(
        "RFC 4180: a comma, a quote or a line end is quoted, quotes doubled; anything else as it is",
        arguments: [
            ("/a,b", "\"/a,b\""), ("/a;=cmd", "\"/a;=cmd\""), ("/say \"hi\"", "\"/say \"\"hi\"\"\""), ("/a\nb", "\"/a\nb\""),
            ("/a\r\nb", "\"/a\r\nb\""),
            ("/om-oss/kontakt", "/om-oss/kontakt"), ("", ""), ("2026-11-30T09:00:00Z", "2026-11-30T09:00:00Z"), ("a=b", "a=b"),
        ])
    func quoted(_ value: String, _ cell: String) {
        #expect(RegisterCSV.cell(value) == cell)
    }

    @Test("a header row, CRLF line ends, every entry in the header's order, erased shown as erased")
    func document() throws {
        let received = Date(timeIntervalSince1970: 1_790_000_000)
        let reference = try Reference.random()
        let entries = [
            RegisterEntry(
                reference: reference, receivedAt: received, language: .sv, topic: "accessibility",
                page: "/a,b", outcome: .answered, closeReason: nil, endedAt: received + 3600, firstReplyAt: received + 60,
                erasedAt: received + 7200, deletedAt: received + 7200)
        ]
        let csv = RegisterCSV.render(entries)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0] == "reference,received,language,topic,page,outcome,close_reason,ended,first_reply,erased,data_deleted")
        #expect(
            lines[1]
                == "\(reference.text),2026-09-21T14:13:20Z,sv,accessibility,\"/a,b\",erased,,2026-09-21T15:13:20Z,2026-09-21T14:14:20Z,2026-09-21T16:13:20Z,2026-09-21T16:13:20Z"
        )
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
