// `inbox purge`: delete what the policy says must go, destroy expired keys, create epochs ahead.
// Run hourly by a systemd timer; needs no passphrase and is idempotent.
import ArgumentParser
import Foundation
import InboxConfiguration
import InboxCore
import InboxCrypto

struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete expired fields and records, destroy expired keys, and create the epochs ahead.",
        discussion: """
            Deadlines are computed from the event times and the policy in force, so a shortened \
            retention applies to existing records at the next run. Held records are skipped. Erasures \
            on the suppression list and releases on the release list are applied again, in case the \
            database was restored from an older backup. Each run appends one hash-chained entry to the \
            purge log. A clock earlier than the last run is refused; so is one more than the policy's \
            purge.max_gap after it (default 7 days), unless --confirm-clock: the dry run of what it \
            would do is printed instead.
            """
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("dry-run"), help: "Print what would be deleted and destroyed, and by which rule; change nothing.")
    var dryRun = false

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("With --dry-run: plan for this moment (ISO 8601) instead of now.", valueName: "date")
    )
    var asOf: String?

    @Flag(
        name: .customLong("confirm-clock"),
        help:
            "Act although more time passed since the last purge than the policy's purge.max_gap: the clock is right, the timer stood still."
    )
    var confirmClock = false

    func validate() throws {
        if confirmClock && dryRun {
            throw ValidationError("--confirm-clock confirms a real purge; a dry run changes nothing and needs no confirmation")
        }
        if asOf != nil && !dryRun {
            throw ValidationError("--as-of plans ahead and needs --dry-run; a real purge always uses the real clock")
        }
        if let asOf, Self.parseDate(asOf) == nil {
            throw ValidationError("--as-of \(asOf) is not an ISO 8601 date such as 2027-03-01 or 2027-03-01T12:00:00Z")
        }
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text + "T00:00:00Z", strategy: .iso8601)
    }

    func run() async throws {
        let environment = try InboxEnvironment(common: common)
        guard environment.keys.isInitialized else {
            throw CLIError("no inbox keys in \(environment.keys.path); create the inbox with `inbox keys init` or pass --data-dir")
        }
        try await environment.inbox.withStore { store in
            let purge = Purge(policy: environment.policy, store: store, keys: environment.keys, audit: environment.auditLog(store))
            if dryRun {
                let moment = asOf.flatMap(Self.parseDate) ?? Date()
                print(PurgeOutput.plan(try await purge.plan(asOf: moment), policy: environment.policy.policy), terminator: "")
                return
            }
            let now = Date()
            do {
                print(PurgeOutput.report(try await purge.run(now: now, confirmedClock: confirmClock)), terminator: "")
            } catch let refusal as PurgeClockError {
                // Show what the purge would have done at this clock, so that a person can judge it.
                if case .gapTooLong = refusal.verdict {
                    print(PurgeOutput.plan(try await purge.plan(asOf: now), policy: environment.policy.policy), terminator: "")
                }
                throw CLIError("\(refusal)")
            } catch let incomplete as PurgeIncomplete {
                print(PurgeOutput.report(incomplete.report), terminator: "")
                throw CLIError("\(incomplete)")
            }
        }
    }
}
