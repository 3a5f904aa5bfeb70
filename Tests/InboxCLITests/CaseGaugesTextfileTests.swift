// The case-gauges textfile for node_exporter: the gauges with the values given, written so that a
// reader only ever sees a whole file, and a path the collector would ignore refused with nothing
// left behind.
import Foundation
import InboxTestSupport
import Testing

@testable import InboxCLI

@Suite("case gauges textfile")
struct CaseGaugesTextfileTests {
    static let gauges = CaseGauges(
        openCases: 12, unclaimedOpenCases: 5, overdueCases: 2, oldestOpenCaseAgeSeconds: 1_209_600,
        addressesDeletedUnansweredWithin7Days: 3)

    static func read(_ path: String) throws -> PrometheusExposition {
        try PrometheusExposition(String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self))
    }

    static func entries(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("the file holds every gauge, typed and described, with the values given and no labels, readable by others")
    func gaugesWithTheirValues() throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/inbox_cases.prom"
        try CaseGaugesTextfile(path: path).write(Self.gauges)

        let exposition = try Self.read(path)
        #expect(
            exposition.types == [
                "inbox_cases_open": "gauge", "inbox_cases_unclaimed": "gauge", "inbox_cases_overdue": "gauge",
                "inbox_oldest_open_case_age_seconds": "gauge", "inbox_addresses_deleted_unanswered_within_7d": "gauge",
            ])
        #expect(
            exposition.samples == [
                "inbox_cases_open": 12, "inbox_cases_unclaimed": 5, "inbox_cases_overdue": 2,
                "inbox_oldest_open_case_age_seconds": 1_209_600, "inbox_addresses_deleted_unanswered_within_7d": 3,
            ])
        for family in exposition.families {
            #expect(exposition.help[family]?.isEmpty == false, "\(family) has no HELP")
        }
        #expect(try directory.mode(of: path) == 0o644)
        #expect(try Self.entries(directory) == ["inbox_cases.prom"])
    }

    @Test("an existing file is replaced by a rename: a new file, the old one whole to whoever held it, no temporary file left")
    func replacesByRename() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("inbox_cases.prom", "# TYPE inbox_cases_open gauge\ninbox_cases_open 1\n", mode: 0o600)
        // A second name for the old file stands for a reader that opened it before the write.
        try FileManager.default.linkItem(atPath: path, toPath: "\(directory.path)/held-by-a-reader")
        let before = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)

        try CaseGaugesTextfile(path: path).write(Self.gauges)

        let after = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
        #expect(after != before, "the file was rewritten in place, where a reader could see half of it")
        #expect(try Self.read(path).samples["inbox_cases_open"] == 12)
        #expect(try Self.read("\(directory.path)/held-by-a-reader").samples["inbox_cases_open"] == 1)
        #expect(try directory.mode(of: path) == 0o644)
        #expect(try Self.entries(directory) == ["held-by-a-reader", "inbox_cases.prom"])
    }

    @Test("a reader polling the file while it is rewritten always reads every gauge")
    func readerNeverSeesHalfAFile() async throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/inbox_cases.prom"
        let textfile = try CaseGaugesTextfile(path: path)
        try textfile.write(Self.gauges)
        // At least one read, however the two tasks are scheduled.
        let reader = Task {
            var reads = 0
            repeat {
                guard let data = FileManager.default.contents(atPath: path),
                    let exposition = try? PrometheusExposition(String(decoding: data, as: UTF8.self)),
                    exposition.samples.count == 5
                else { return (reads, false) }
                reads += 1
            } while !Task.isCancelled
            return (reads, true)
        }
        for open in 0..<200 {
            var gauges = Self.gauges
            gauges.openCases = open
            try textfile.write(gauges)
        }
        reader.cancel()
        let (reads, whole) = await reader.value
        #expect(whole)
        #expect(reads > 0)
        #expect(try Self.entries(directory) == ["inbox_cases.prom"])
    }

    @Test("the temporary file is beside the path, hidden, and not named *.prom, so the collector skips it")
    func temporaryName() {
        let temporary = CaseGaugesTextfile.temporaryPath(for: "/var/lib/node_exporter/textfile/inbox_cases.prom")
        #expect(temporary.hasPrefix("/var/lib/node_exporter/textfile/.inbox_cases.prom."))
        #expect(!temporary.hasSuffix(".prom"))
        #expect(temporary != CaseGaugesTextfile.temporaryPath(for: "/var/lib/node_exporter/textfile/inbox_cases.prom"))
    }

    @Test("a path that does not end in .prom is refused, saying why, before anything is written")
    func notPromRefused() throws {
        let directory = try TemporaryDirectory()
        for name in ["inbox_cases.txt", "inbox_cases.prom.tmp", "inbox_cases"] {
            let error = try #require(throws: CaseGaugesTextfileError.self) { try CaseGaugesTextfile(path: "\(directory.path)/\(name)") }
            #expect(error.code == .notPromFile)
            #expect(error.description.contains(".prom"))
            #expect(error.description.contains("textfile collector"))
        }
        #expect(try Self.entries(directory).isEmpty)
    }

    @Test("a directory that does not exist, or is a file, is named in the error, and nothing is created")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let missing = "\(directory.path)/textfile"
        let textfile = try CaseGaugesTextfile(path: "\(missing)/inbox_cases.prom")
        let error = try #require(throws: CaseGaugesTextfileError.self) { try textfile.write(Self.gauges) }
        #expect(error.code == .missingDirectory)
        #expect(error.description.contains("the directory \(missing) does not exist"))
        #expect(try Self.entries(directory).isEmpty)

        let file = try directory.write("textfile", "")
        let underAFile = try #require(throws: CaseGaugesTextfileError.self) {
            try CaseGaugesTextfile(path: "\(file)/inbox_cases.prom").write(Self.gauges)
        }
        #expect(underAFile.code == .missingDirectory)
        #expect(underAFile.description.contains("\(file) is not a directory"))
        #expect(try Self.entries(directory) == ["textfile"])
    }

    @Test("a failed rename (the path is a directory) leaves no temporary file behind")
    func failedRenameCleansUp() throws {
        let directory = try TemporaryDirectory()
        let path = "\(directory.path)/inbox_cases.prom"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = try #require(throws: CaseGaugesTextfileError.self) { try CaseGaugesTextfile(path: path).write(Self.gauges) }
        #expect(error.code == .writeFailed)
        #expect(error.description.contains("cannot replace \(path)"))
        #expect(try Self.entries(directory) == ["inbox_cases.prom"])
    }
}
