// Checkpoints of a chained log, kept in the key directory (`audit.checkpoints`,
// `purge.checkpoints`): the id and hash of every 64th entry, and each point the retention left the
// log starting from. A log restored from a backup is accepted only if it agrees with them, so a
// log forged with the database's write access alone cannot be passed off as a restore: it would
// have to hold the real entries up to its last checkpoint.
import Foundation
import InboxCrypto
import InboxStore

struct LogCheckpoints: Sendable {
    struct Kept {
        var entries: [(id: Int64, hash: Data)] = []
        var starts: [Data] = []
    }

    let file: ChainedListFile

    init(keys: KeyDirectory, log: ChainedLogName, title: String) {
        file = ChainedListFile(
            keys: keys, name: log == .audit ? "audit.checkpoints" : "purge.checkpoints", fieldCount: 3, title: "\(title)'s checkpoints")
    }

    func record(_ entry: ChainedLogEntry) throws {
        try file.append([["entry", String(entry.id), entry.hash.hexString]])
    }

    func recordStart(_ hash: Data) throws {
        try file.append([["start", "-", hash.hexString]])
    }

    func read() throws -> Kept {
        var kept = Kept()
        for fields in try file.entries() {
            guard let hash = Data(hexString: fields[2]) else { throw ChainedListError("\(file.path): not a hash") }
            if fields[0] == "start" {
                kept.starts.append(hash)
            } else if let id = Int64(fields[1]) {
                kept.entries.append((id, hash))
            }
        }
        return kept
    }
}
