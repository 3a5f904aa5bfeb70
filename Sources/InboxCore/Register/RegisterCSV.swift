// The register as CSV for the agency's diarium and a spreadsheet: RFC 4180 (CRLF line ends, a
// header row, fields with a comma, a semicolon, a quote or a line end quoted, quotes doubled), and safe to open:
// a cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
// return) gets a leading apostrophe, so that it is shown as text and never run. The page a question
// came from is the one value a citizen's browser chooses, but every cell is treated alike.
public import Foundation
public import InboxStore

public enum RegisterCSV {
    public static let header = [
        "reference", "received", "language", "topic", "page", "outcome", "close_reason", "ended", "first_reply", "erased", "data_deleted",
    ]

    public static func render(_ entries: [RegisterEntry]) -> String {
        var lines = [row(header)]
        for entry in entries {
            lines.append(row(RegisterRow(entry).cells))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    /// An entry's cells in the header's order, for a table on a terminal (empty shown as "-").
    public static func tableCells(_ entry: RegisterEntry) -> [String] {
        RegisterRow(entry).cells.map { $0.isEmpty ? "-" : $0 }
    }

    /// One field, neutralised and then quoted when it must be.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // A semicolon too: a spreadsheet set up for a locale whose list separator it is (Swedish
        // among them) splits an unquoted cell there, and what follows could be a formula.
        guard text.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// An entry's cells, in the header's order, as the CSV and the table show them.
struct RegisterRow {
    let cells: [String]

    init(_ entry: RegisterEntry) {
        func time(_ date: Date?) -> String { date.map { $0.formatted(.iso8601) } ?? "" }
        cells = [
            entry.reference.text, time(entry.receivedAt), entry.language?.rawValue ?? "", entry.topic ?? "", entry.page ?? "",
            entry.shownOutcome, entry.closeReason?.rawValue ?? "", time(entry.endedAt), time(entry.firstReplyAt), time(entry.erasedAt),
            time(entry.deletedAt),
        ]
    }
}
