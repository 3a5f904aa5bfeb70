// Two ways in. Built with `-sanitize=fuzzer -D FUZZING` (Tests/Fuzz/run.sh), main hands over to
// libFuzzer's driver (LLVMFuzzerRunDriver; SwiftPM names every executable's entry point itself, so
// libFuzzer's own main cannot be used), and INBOX_FUZZ_TARGET names the parser. Built as usual,
// the executable replays files through a target instead (`inbox-fuzz TARGET FILE…`): how the test
// command runs the checked-in corpus and every crash the fuzzer ever found.
import Foundation

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer's runtime refers to this name whether or not its own main is used.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    selected?.run(UnsafeRawBufferPointer(start: data, count: count))
    return 0
}

@main
enum Fuzz {
    static func main() {
        guard let name = ProcessInfo.processInfo.environment["INBOX_FUZZ_TARGET"], let target = FuzzTarget.named(name) else {
            FileHandle.standardError.write(
                Data("set INBOX_FUZZ_TARGET to one of: \(FuzzTarget.all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        selected = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { data, count in testOneInput(data, count) })
    }
}
#else
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget.named(name) else {
            print("usage: inbox-fuzz TARGET FILE...  (targets: \(FuzzTarget.all.map(\.name).joined(separator: ", ")))")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(1)
            }
            data.withUnsafeBytes { target.run($0) }
            count += 1
        }
        print("\(name): \(count) input(s) replayed")
    }
}
#endif
