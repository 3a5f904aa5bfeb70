// The audit log: hash-chained entries in the database, and the newest hash also written to an
// anchor file in the key directory (which database restores do not touch), so that cutting the end
// off the log is detected as surely as changing, removing or reordering an entry.
public import Foundation
import Glibc
public import InboxPolicy
public import InboxStore

public struct AuditLog: Sendable {
    /// The verdict of `verify`.
    public enum Verification: Sendable, Equatable {
        case intact(entries: Int)
        /// The first entry that breaks the chain (its id), or nil when the log ends early.
        case broken(entryID: Int64?, reason: String)
    }

    /// What the anchor file holds: the id and hash of the newest entry, and the checkpoint: the
    /// hash the oldest kept entry chains to once older entries have been removed under the policy.
    struct Anchor: Codable {
        var lastID: Int64
        var hash: String
        var startHash: String?
        /// Written before a removal and cleared after it, so that a removal cut short by a crash
        /// still verifies.
        var pendingStartHash: String?

        enum CodingKeys: String, CodingKey {
            case lastID = "last_id"
            case hash
            case startHash = "start_hash"
            case pendingStartHash = "pending_start_hash"
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
        let current = try readAnchor()
        // After a removal emptied the log, the next entry chains to the checkpoint.
        let previous =
            try store.lastEntry(of: .audit)?.hash ?? current?.startHash.flatMap(Data.init(hexString:)) ?? HashChain.genesis
        let body = try Self.encoder.encode(entry)
        let hash = try HashChain.link(previous: previous, body: body)
        try store.append(ChainedLogEntry(id: nil, recordedAt: entry.at, body: body, previousHash: previous, hash: hash), to: .audit)
        guard let newest = try store.lastEntry(of: .audit), newest.hash == hash, let id = newest.id else {
            throw AuditLogError("the audit entry just written is not the newest one")
        }
        try writeAnchor(
            Anchor(lastID: id, hash: hash.hexString, startHash: current?.startHash, pendingStartHash: current?.pendingStartHash))
    }

    public func entries() throws -> [(id: Int64, entry: AuditEntry)] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try store.entries(of: .audit).map { ($0.id ?? 0, try decoder.decode(AuditEntry.self, from: $0.body)) }
    }

    /// Checks every link of the chain and that the newest entry is the one the anchor names.
    public func verify() throws -> Verification {
        let stored = try store.entries(of: .audit)
        let anchor = try readAnchor()
        // The chain starts at the genesis hash, or at the checkpoint left by the last removal (or
        // by one cut short, whose pending checkpoint is also accepted).
        let starts = [anchor?.startHash, anchor?.pendingStartHash].compactMap { $0.flatMap(Data.init(hexString:)) }
        let start = starts.first { $0 == stored.first?.previousHash } ?? starts.first ?? HashChain.genesis
        if let index = try HashChain.firstBrokenEntry(stored.map { ($0.previousHash, $0.body, $0.hash) }, start: start) {
            return .broken(
                entryID: stored[index].id,
                reason: "its hash chain does not hold: the entry or one before it was changed, removed or reordered")
        }
        guard let anchor else {
            return stored.isEmpty ? .intact(entries: 0) : .broken(entryID: nil, reason: "the anchor file \(anchorPath) is missing")
        }
        // The retention removed every entry up to the newest: the checkpoint is the anchor's hash.
        if stored.isEmpty && starts.contains(where: { $0.hexString == anchor.hash }) {
            return .intact(entries: 0)
        }
        guard let last = stored.last, last.id == anchor.lastID, last.hash.hexString == anchor.hash else {
            return .broken(
                entryID: nil, reason: "the log does not end at entry \(anchor.lastID), where the anchor says it ends: entries were cut off")
        }
        return .intact(entries: stored.count)
    }

    /// Removes the entries whose retention under `policy` has passed at `now`, oldest first, and
    /// moves the checkpoint so that the rest still verifies. Returns how many were removed.
    public func removeExpired(asOf now: Date, policy: FieldPolicy) throws -> Int {
        let expired = try store.entries(of: .audit).prefix { policy.deadline(received: $0.recordedAt, answered: nil).date <= now }
        guard let last = expired.last, let lastID = last.id, var anchor = try readAnchor() else { return 0 }
        anchor.pendingStartHash = last.hash.hexString
        try writeAnchor(anchor)
        try store.deleteEntries(of: .audit, through: lastID)
        anchor.startHash = last.hash.hexString
        anchor.pendingStartHash = nil
        try writeAnchor(anchor)
        return expired.count
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
