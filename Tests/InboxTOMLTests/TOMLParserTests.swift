import Testing

// The TOML subset: what a policy author may write, as a file that uses it sees it.
@testable import InboxTOML

@Suite("TOML subset")
struct TOMLParserTests {
    func parse(_ text: String) throws -> TOMLTable {
        try TOMLParser.parse(file: "t.toml", text: text)
    }

    func string(_ table: TOMLTable, _ path: String...) -> String? {
        var current = table
        for key in path.dropLast() {
            guard case .table(let next)? = current.entry(key)?.node.value else { return nil }
            current = next
        }
        guard case .string(let value)? = current.entry(path.last!)?.node.value else { return nil }
        return value
    }

    @Test("strings: escapes, literal, multi-line with a joined line")
    func strings() throws {
        let table = try parse(
            #"""
            a = "tab\there \"quoted\" \u00e5\U0001F600"
            b = 'C:\no\escapes'
            c = """
            first line
            second \
                joined"""
            "quoted key" = "x"
            """#)
        #expect(string(table, "a") == "tab\there \"quoted\" å😀")
        #expect(string(table, "b") == #"C:\no\escapes"#)
        #expect(string(table, "c") == "first line\nsecond joined")
        #expect(string(table, "quoted key") == "x")
    }

    /// Found by the policy fuzzer: `S=[[[[…` ten thousand deep overflowed the stack.
    @Test("deeply nested arrays and tables are an error with a line, not a crash")
    func nesting() throws {
        for opener in ["[", "{a="] {
            let text = "s = " + String(repeating: opener, count: 100_000)
            let error = try #require(throws: TOMLError.self) { try parse(text) }
            #expect(error.description.contains("nest more than \(TOMLParser.maximumDepth) deep"))
        }
        // What a policy needs still parses: retention rules are an array of inline tables.
        _ = try parse("r = [ { after = \"received\", keep = \"1 day\" }, [[1]] ]")
    }

    @Test("dotted keys, tables, arrays of tables and inline tables")
    func structure() throws {
        let table = try parse(
            """
            [a.b]
            c.d = "deep"   # a comment
            [[list]]
            name = "one"
            [[list]]
            name = "two"
            rules = [ { after = "x", keep = "1 day" }, ]
            """)
        #expect(string(table, "a", "b", "c", "d") == "deep")
        guard case .array(let list)? = table.entry("list")?.node.value else { Issue.record("no list"); return }
        #expect(list.count == 2)
        #expect(list[1].location.line == 5)
    }

    @Test(
        "refused",
        arguments: [
            ("a = 1\na = 2", 2, "`a` is set twice"),
            ("a = 1.5", 1, "a policy uses whole numbers"),
            ("a = \"x\" b", 1, "unexpected text after the value"),
            ("[t]\n[t]", 2, "[t] is defined twice"),
            ("a = \"\\q\"", 1, "unknown escape"),
            ("a = { b = 1 }\n[a]", 2, "[a] is defined twice"),
            ("a = [1, 2", 1, "expected `,` or `]`"),
            ("a", 1, "expected `=`"),
            ("a = \"\u{1}\"", 1, "control character"),
        ])
    func refused(text: String, line: Int, message: String) {
        let error = #expect(throws: TOMLError.self) { try parse(text) }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.location.line == line)
    }
}
