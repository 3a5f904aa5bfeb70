// The audit log: hash-chained entries in the database, and the newest hash also written to an
// anchor file in the key directory (which database restores do not touch), so that cutting the end
// off the log is detected as surely as changing, removing or reordering an entry.
public import Foundation
import Glibc
public import InboxStore

public struct AuditLog: Sendable {
    /// The verdict of `verify`.
    public enum Verification: Sendable, Equatable {
        case intact(entries: Int)
        /// The first entry that breaks the chain (its id), or nil when the log ends early.
        case broken(entryID: Int64?, reason: String)
    }

    /// What the anchor file holds: the id and hash of the newest entry.
    struct Anchor: Codable {
        let lastID: Int64
        let hash: String

        enum CodingKeys: String, CodingKey {
            case lastID = "last_id"
            case hash
        }
    }

    public let store: any InboxStore
    public let anchorPath: String

    public init(store: any InboxStore, keyDirectory: String) {
        self.store = store
        self.anchorPath = "\(keyDirectory)/audit.anchor"
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The entry for an action by the user running this process.
    public static func entry(
        action: String, reference: Reference?, purpose: String?, reason: String? = nil, at date: Date,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> AuditEntry {
        let uid = getuid()
        let user = getpwuid(uid).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid \(uid)"
        return AuditEntry(
            at: date, uid: uid, user: user, claimedBy: environment["SUDO_USER"].flatMap { $0.isEmpty ? nil : $0 }, action: action,
            reference: reference?.text, purpose: purpose, reason: reason)
    }

    /// Appends an entry, then moves the anchor to it.
    public func append(_ entry: AuditEntry) throws {
        let previous = try store.lastEntry(of: .audit)?.hash ?? HashChain.genesis
        let body = try Self.encoder.encode(entry)
        let hash = try HashChain.link(previous: previous, body: body)
        try store.append(ChainedLogEntry(id: nil, recordedAt: entry.at, body: body, previousHash: previous, hash: hash), to: .audit)
        guard let newest = try store.lastEntry(of: .audit), newest.hash == hash, let id = newest.id else {
            throw AuditLogError("the audit entry just written is not the newest one")
        }
        try writeAnchor(Anchor(lastID: id, hash: hash.hexString))
    }

    public func entries() throws -> [(id: Int64, entry: AuditEntry)] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try store.entries(of: .audit).map { ($0.id ?? 0, try decoder.decode(AuditEntry.self, from: $0.body)) }
    }

    /// Checks every link of the chain and that the newest entry is the one the anchor names.
    public func verify() throws -> Verification {
        let stored = try store.entries(of: .audit)
        if let index = try HashChain.firstBrokenEntry(stored.map { ($0.previousHash, $0.body, $0.hash) }) {
            return .broken(
                entryID: stored[index].id,
                reason: "its hash chain does not hold: the entry or one before it was changed, removed or reordered")
        }
        guard let anchor = try readAnchor() else {
            return stored.isEmpty ? .intact(entries: 0) : .broken(entryID: nil, reason: "the anchor file \(anchorPath) is missing")
        }
        guard let last = stored.last, last.id == anchor.lastID, last.hash.hexString == anchor.hash else {
            return .broken(
                entryID: nil, reason: "the log does not end at entry \(anchor.lastID), where the anchor says it ends: entries were cut off")
        }
        return .intact(entries: stored.count)
    }

    private func readAnchor() throws -> Anchor? {
        guard FileManager.default.fileExists(atPath: anchorPath) else { return nil }
        do {
            return try JSONDecoder().decode(Anchor.self, from: Data(contentsOf: URL(fileURLWithPath: anchorPath)))
        } catch {
            throw AuditLogError("the anchor file \(anchorPath) is unreadable")
        }
    }

    /// Atomically (a temporary file renamed over the old one), 0600, flushed to disk.
    private func writeAnchor(_ anchor: Anchor) throws {
        let temporary = anchorPath + ".tmp"
        let bytes = Array(try JSONEncoder().encode(anchor))
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditLogError("cannot write the anchor file \(anchorPath)") }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let flushed = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, flushed, rename(temporary, anchorPath) == 0 else {
            throw AuditLogError("cannot write the anchor file \(anchorPath)")
        }
    }
}

public struct AuditLogError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
