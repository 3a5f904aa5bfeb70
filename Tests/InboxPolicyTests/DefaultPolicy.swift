// The shipped policy file, read from the repository.
import Foundation

enum DefaultPolicy {
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policy/default.toml").path

    static let text: String = try! String(contentsOfFile: path, encoding: .utf8)
}
