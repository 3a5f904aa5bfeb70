// A strict reader of the Prometheus text exposition format (version 0.0.4), written apart from the
// library that renders it, so that the tests check what a scraper would read rather than compare a
// blob: every line must be a HELP, a TYPE or a sample of a family typed before it.

public struct PrometheusExposition: Sendable {
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        public let line: String
        public let reason: String
        public var description: String { "\(reason): \(line)" }
    }

    /// HELP text by family name.
    public private(set) var help: [String: String] = [:]
    /// TYPE (counter, gauge, histogram, ...) by family name.
    public private(set) var types: [String: String] = [:]
    /// Sample values by series, written `name{label="value",...}` with the labels in name order,
    /// or `name` alone when it has none.
    public private(set) var samples: [String: Double] = [:]

    public init(_ text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else { throw Malformed(line: String(text.suffix(80)), reason: "no final line feed") }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) {
            if line.hasPrefix("# HELP ") {
                let (name, rest) = try Self.nameAndRest(of: line, after: "# HELP ")
                guard help.updateValue(rest, forKey: name) == nil else { throw Malformed(line: line, reason: "a second HELP") }
            } else if line.hasPrefix("# TYPE ") {
                let (name, type) = try Self.nameAndRest(of: line, after: "# TYPE ")
                guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(type) else {
                    throw Malformed(line: line, reason: "an unknown type")
                }
                guard types.updateValue(type, forKey: name) == nil else { throw Malformed(line: line, reason: "a second TYPE") }
            } else {
                let (series, name, value) = try Self.sample(line)
                guard family(ofSample: name) != nil else { throw Malformed(line: line, reason: "a sample before its family's TYPE") }
                guard samples.updateValue(value, forKey: series) == nil else { throw Malformed(line: line, reason: "a repeated series") }
            }
        }
    }

    /// The family a sample's name belongs to: itself, or a histogram's for its _bucket, _sum and
    /// _count series.
    public func family(ofSample name: String) -> String? {
        if types[name] != nil { return name }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" || types[base] == "summary" { return base }
        }
        return nil
    }

    /// Every family's name.
    public var families: Set<String> { Set(types.keys) }

    private static func nameAndRest(of line: String, after prefix: String) throws -> (String, String) {
        let rest = line.dropFirst(prefix.count)
        guard let space = rest.firstIndex(of: " ") else { throw Malformed(line: line, reason: "no text after the name") }
        let name = String(rest[..<space])
        guard isMetricName(name) else { throw Malformed(line: line, reason: "an invalid metric name") }
        return (name, String(rest[rest.index(after: space)...]))
    }

    /// A sample line: its series (labels sorted), its metric name and its value.
    private static func sample(_ line: String) throws -> (String, String, Double) {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] != "{", characters[index] != " " { index += 1 }
        let name = String(characters[..<index])
        guard isMetricName(name) else { throw Malformed(line: line, reason: "an invalid metric name") }
        var labels: [(String, String)] = []
        if index < characters.count, characters[index] == "{" {
            index += 1
            while index < characters.count, characters[index] != "}" {
                let start = index
                while index < characters.count, characters[index] != "=" { index += 1 }
                let label = String(characters[start..<min(index, characters.count)])
                guard isLabelName(label), index + 1 < characters.count, characters[index + 1] == "\"" else {
                    throw Malformed(line: line, reason: "an invalid label")
                }
                index += 2
                var value = ""
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count {
                        index += 1
                        value.append(characters[index] == "n" ? "\n" : characters[index])
                    } else {
                        value.append(characters[index])
                    }
                    index += 1
                }
                guard index < characters.count else { throw Malformed(line: line, reason: "an unterminated label value") }
                labels.append((label, value))
                index += 1
                if index < characters.count, characters[index] == "," { index += 1 }
            }
            guard index < characters.count else { throw Malformed(line: line, reason: "no closing brace") }
            index += 1
        }
        guard index < characters.count, characters[index] == " " else { throw Malformed(line: line, reason: "no space before the value") }
        let text = String(characters[(index + 1)...])
        guard let value = Double(text), !text.contains(" ") else { throw Malformed(line: line, reason: "not a number") }
        guard Set(labels.map(\.0)).count == labels.count else { throw Malformed(line: line, reason: "a repeated label") }
        let sorted = labels.sorted { $0.0 < $1.0 }
        let series =
            sorted.isEmpty ? name : "\(name){\(sorted.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ","))}"
        return (series, name, value)
    }

    private static func isMetricName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    private static func isLabelName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
