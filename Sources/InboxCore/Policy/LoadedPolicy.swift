// A policy with the digest of the file it came from, so that logs can say which policy was in
// force and notice when it changed.
import Foundation
import InboxCrypto
public import InboxPolicy

public struct LoadedPolicy: Sendable {
    public let policy: Policy
    public let path: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public let digest: String

    /// Reads, validates and digests a policy file. An invalid policy is a `PolicyError` with its line.
    public static func load(path: String) throws -> LoadedPolicy {
        let policy = try PolicyLoader.load(path: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        return LoadedPolicy(policy: policy, path: path, digest: try SHA256.hash(bytes).hexString)
    }

    public init(policy: Policy, path: String, digest: String) {
        self.policy = policy
        self.path = path
        self.digest = digest
    }
}
