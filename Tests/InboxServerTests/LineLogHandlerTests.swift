// The server's log lines: the stream handler's format, metadata sorted and merged as it does,
// errors named, lines from many threads at once each whole, and the request line's duration.
import Foundation
import Glibc
import Logging
import Testing

@testable import InboxServer

@Suite("log lines")
struct LineLogHandlerTests {
    /// A pipe whose write end a handler logs to; `lines()` closes it and reads everything back.
    final class Capture {
        let output: LogOutput
        private let readEnd: Int32
        private var writeEnd: Int32

        init() throws {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
            readEnd = ends[0]
            writeEnd = ends[1]
            output = LogOutput(descriptor: writeEnd)
        }

        /// Reads on another thread while `body` writes, so that a full pipe cannot stall it.
        func lines(while body: () async throws -> Void) async throws -> [String] {
            let reader = Thread.detachNewThreadWithResult(readEnd)
            try await body()
            close(writeEnd)
            let data = await reader.value
            close(readEnd)
            return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
                String.init)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "the disk is full" }
    }

    @Test("a line is the stream handler's: time, level, label, sorted metadata, source, message")
    func format() async throws {
        let capture = try Capture()
        let lines = try await capture.lines {
            var logger = Logger(label: "inbox-server") { LineLogHandler(label: $0, output: capture.output) }
            logger[metadataKey: "node"] = "a"
            logger.info("request", metadata: ["status": "303", "method": "POST", "node": "b"])
            logger.debug("not written at info")
            logger.error("a submission could not be stored", error: Failure())
            // Without metadata of its own, the handler takes the line's as it is (sorted all the same).
            let bare = Logger(label: "inbox-server") { LineLogHandler(label: $0, output: capture.output) }
            bare.info("request", metadata: ["status": "303", "method": "POST"])
        }
        #expect(lines.count == 3)
        let pattern =
            #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} info inbox-server: method=POST node=b status=303 \[InboxServerTests\] request$/#
        #expect(lines[0].wholeMatch(of: pattern) != nil, "\(lines[0])")
        #expect(
            lines[1].hasSuffix(
                " error inbox-server: error.message=the disk is full error.type=InboxServerTests.LineLogHandlerTests.Failure node=a [InboxServerTests] a submission could not be stored"
            ), "\(lines[1])")
        #expect(lines[2].hasSuffix(" info inbox-server: method=POST status=303 [InboxServerTests] request"), "\(lines[2])")
    }

    @Test("lines longer than a pipe's atomic write, from eight threads at once, come out whole")
    func concurrentLinesStayWhole() async throws {
        let capture = try Capture()
        let output = capture.output
        let lines = try await capture.lines {
            await withTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        let logger = Logger(label: "inbox-server") { LineLogHandler(label: $0, output: output) }
                        for line in 0..<50 {
                            let filler = String(repeating: Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(writer))), count: 6_000)
                            logger.info("\(writer)-\(line) \(filler)")
                        }
                    }
                }
            }
        }
        #expect(lines.count == 400)
        for line in lines {
            let message = line.split(separator: "] ", maxSplits: 1).last ?? ""
            let parts = message.split(separator: " ")
            #expect(parts.count == 2, "\(line.prefix(80))")
            let writer = Int(parts[0].split(separator: "-")[0]) ?? -1
            let filler = String(repeating: Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(writer))), count: 6_000)
            #expect(parts.last.map { $0 == filler } == true, "\(line.prefix(80))")
        }
    }

    @Test(
        "a request's duration has two decimals, rounded",
        arguments: [
            (Duration.zero, "0.00"), (.microseconds(4), "0.00"), (.microseconds(5), "0.01"), (.microseconds(1_234), "1.23"),
            (.microseconds(1_235), "1.24"), (.microseconds(99_996), "100.00"), (.seconds(12) + .microseconds(50), "12000.05"),
        ])
    func milliseconds(duration: Duration, text: String) {
        #expect(RequestLogMiddleware.milliseconds(duration) == text)
    }
}

extension Thread {
    /// Reads `descriptor` to its end on a thread of its own.
    static func detachNewThreadWithResult(_ descriptor: Int32) -> Task<Data, Never> {
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        Thread.detachNewThread {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    data.append(contentsOf: buffer[0..<count])
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            continuation.yield(data)
            continuation.finish()
        }
        return Task { await stream.first { _ in true } ?? Data() }
    }
}
