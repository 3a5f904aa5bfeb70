// The intake bundle (`inbox keys export-intake --to DIR`): what an intake node needs to seal and
// nothing more. The master public key, and the public and index keys of the current and future
// epochs; never a private half, a retired, destroying or destroyed key, a hold's key, the lists or
// the log anchors, which stay on the admin host. A node takes the bundle as its key directory.
//
// The bundle is written beside its destination and then swapped in whole (renameat2
// RENAME_EXCHANGE): a node reading it during a refresh sees the old bundle or the new one, never
// half of each. The same epoch's keys are the same bytes in both.
import CInboxSystem
public import Foundation
import Glibc

extension KeyDirectory {
    /// Writes the bundle of `now` to `destination` (replacing an earlier one whole). Returns the
    /// epochs it holds.
    @discardableResult
    public func exportIntakeBundle(to destination: String, now: Date) throws -> [UInt32] {
        try withExclusiveLock {
            guard try !isIntakeBundle else {
                throw CryptoError(.keyFile, "\(path) is an intake bundle itself; export from the full key directory")
            }
            let calendar = try calendar()
            let epochs = Set(
                try list(now: now).filter {
                    ($0.state == .current || $0.state == .future) && !$0.isHoldKey && hasCompleteKey(epoch: $0.epoch, field: .email)
                        && hasCompleteKey(epoch: $0.epoch, field: .question)
                }.map(\.epoch)
            ).sorted()
            guard epochs.contains(calendar.epoch(containing: now)) else {
                throw CryptoError(
                    .keyFile, "the current epoch has no complete key in \(path); run the purge (it creates the epochs ahead) first")
            }
            // Refused before anything is written: nothing but a bundle is ever replaced.
            if KeyFileSystem.exists(destination) {
                let existing = KeyDirectory(path: destination)
                guard existing.isInitialized, try existing.isIntakeBundle else {
                    throw CryptoError(.keyFile, "\(destination) exists and is not an intake bundle; it is left alone")
                }
            }
            let staging = "\(destination).new"
            if KeyFileSystem.exists(staging) { try Self.removeBundle(staging) }
            let bundle = KeyDirectory(path: staging)
            try KeyFileSystem.createDirectory(staging)
            try KeyFileSystem.createDirectory(bundle.epochsPath)
            try KeyFileSystem.write(try KeyFileSystem.read(masterPublicKeyPath), to: bundle.masterPublicKeyPath, replacing: false)
            for epoch in epochs {
                let source = files(of: epoch)
                let target = bundle.files(of: epoch)
                try KeyFileSystem.createDirectory(target.directory)
                try KeyFileSystem.write(try KeyFileSystem.read(source.indexKey), to: target.indexKey, replacing: false)
                for field in [RecordField.email, .question] {
                    try KeyFileSystem.write(try KeyFileSystem.read(source.publicKey(field)), to: target.publicKey(field), replacing: false)
                }
            }
            // Last, as in `inbox keys init`: a bundle without its manifest is not one.
            let manifest = Manifest(format: 1, monthsPerEpoch: calendar.monthsPerEpoch, createdAt: now, intakeBundle: true)
            try KeyFileSystem.write(KeyJSON.encode(manifest), to: bundle.manifestPath, replacing: false)
            if KeyFileSystem.exists(destination) {
                guard CInboxSystem_exchange(staging, destination) == 0 else {
                    throw CryptoError(.keyFile, "cannot swap the new bundle into \(destination): \(String(cString: strerror(errno)))")
                }
                try KeyFileSystem.syncDirectory(KeyFileSystem.parent(of: destination))
                try Self.removeBundle(staging)
            } else {
                guard try KeyFileSystem.renameDirectory(staging, to: destination) else {
                    throw CryptoError(.keyFile, "\(destination) appeared while the bundle was written; try again")
                }
            }
            return epochs
        }
    }

    /// Removes an intake bundle (the one swapped out, or a staging one left by an interrupted export).
    static func removeBundle(_ path: String) throws {
        let bundle = KeyDirectory(path: path)
        for name in (try? KeyFileSystem.entries(of: bundle.epochsPath)) ?? [] {
            KeyFileSystem.removeFlatDirectory("\(bundle.epochsPath)/\(name)")
        }
        rmdir(bundle.epochsPath)
        KeyFileSystem.removeFlatDirectory(path)
    }
}
