// `--take-over --reason TEXT`: taking a case another staff member has claimed. The reason is
// required, and kept in the audit log with the name of the person whose claim it ends.
import ArgumentParser
import Foundation

struct TakeOverOptions: ParsableArguments {
    @Flag(name: .customLong("take-over"), help: "Take the case over from the colleague who claimed it; needs --reason.")
    var takeOver = false

    @Option(name: .customLong("reason"), help: "Why the case is taken over (written to the audit log).")
    var takeOverReason: String?

    /// The reason, when the case is to be taken over.
    var reason: String? { takeOver ? takeOverReason : nil }

    func validate() throws {
        let given = !(takeOverReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        if takeOver && !given { throw ValidationError("--take-over needs --reason TEXT: the audit log records why") }
        if !takeOver && takeOverReason != nil { throw ValidationError("--reason goes with --take-over") }
    }
}
