// The engines the storage contract runs against. A new engine joins by adding a case here.
import Foundation
import InboxStore
import InboxTestSupport
import Testing

struct StoreEngine: CustomTestStringConvertible, Sendable {
    let name: String
    /// A clean, migrated store, and the directory that holds it (kept alive for the test).
    let make: @Sendable () throws -> (store: any InboxStore, directory: TemporaryDirectory)

    var testDescription: String { name }

    static let sqlite = StoreEngine(name: "SQLite") {
        let directory = try TemporaryDirectory()
        return (try SQLiteStore(path: "\(directory.path)/inbox.sqlite"), directory)
    }

    static let all: [StoreEngine] = [.sqlite]
}
