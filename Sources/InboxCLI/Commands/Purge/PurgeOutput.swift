// How `inbox purge` reports, in plain lines that a log or a person can read.
import Foundation
import InboxCore
import InboxCrypto
import InboxPolicy

enum PurgeOutput {
    static func plan(_ plan: PurgePlan, policy: Policy) -> String {
        var lines = ["Dry run as of \(plan.asOf.formatted(.iso8601)): nothing is changed."]
        for reference in plan.suppressed {
            lines.append("erase again  \(reference)  (on the suppression list)")
        }
        for field in plan.fields {
            lines.append(
                "delete  \(field.reference)  \(field.field.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  due \(field.deadline.formatted(.iso8601))  (\(field.rule))"
            )
        }
        for key in plan.keys {
            let maximum = policy.field(PolicyField(key.field)).hardMaximum
            lines.append(
                "destroy key  \(key.epoch)/\(key.field.rawValue)  due \(key.due.formatted(.iso8601))  (end of epoch + hard maximum \(maximum))"
            )
        }
        lines.append(
            "\(plan.fields.count) field(s) to delete, \(plan.keys.count) key(s) to destroy, \(plan.suppressed.count) erasure(s) to apply again."
        )
        return lines.joined(separator: "\n") + "\n"
    }

    static func report(_ report: PurgeReport) -> String {
        var lines: [String] = []
        if let previous = report.previousPolicyDigest {
            lines.append(
                "The policy changed since the last purge (sha256 \(previous.prefix(12))… → \(report.policyDigest.prefix(12))…); its deadlines now apply to every record."
            )
        }
        let fields = ["email", "question", "answer"].map { "\(report.deletedFields[$0] ?? 0) \($0)" }.joined(separator: ", ")
        lines.append(
            "Deleted fields: \(fields); \(report.referencesAffected.count) record(s) affected, \(report.recordsDeleted.count) deleted whole."
        )
        if !report.suppressionReapplied.isEmpty {
            lines.append("Erased again from the suppression list: \(report.suppressionReapplied.joined(separator: ", ")).")
        }
        if let holds = report.holdsReapplied, !holds.isEmpty {
            lines.append("Held again by a restored database, released as the release list says: \(holds.joined(separator: ", ")).")
        }
        if let removed = report.registerEntriesRemoved, removed > 0 {
            lines.append("Register entries deleted under the policy's [register] rule: \(removed).")
        }
        lines.append("Keys destroyed: \(report.keysDestroyed.isEmpty ? "none" : report.keysDestroyed.joined(separator: ", ")).")
        if let failed = report.keysFailed, !failed.isEmpty {
            lines.append("NOT done (a key stays `destroying`; the next run tries again): \(failed.joined(separator: "; ")).")
        }
        lines.append(
            "Epochs created: \(report.epochsCreated.isEmpty ? "none" : report.epochsCreated.map(String.init).joined(separator: ", ")).")
        return lines.joined(separator: "\n") + "\n"
    }
}
