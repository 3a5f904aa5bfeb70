// Plain-text tables for people: columns padded to their widest cell, two spaces apart, no
// trailing blanks.

enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let width = column < widths.count ? widths[column] : cell.count
                line += (column == 0 ? "" : "  ") + cell + String(repeating: " ", count: max(0, width - cell.count))
            }
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n")
    }
}
