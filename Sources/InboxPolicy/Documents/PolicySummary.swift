// `inbox policy show`: for each field, what is kept, why, and for how long, in plain text; then
// spam and the register, when cases are due (and each topic), and the key epoch.

public enum PolicySummary {
    public static func text(policy: Policy) -> String {
        var lines: [String] = []
        for field in policy.fields {
            lines.append("\(field.field.rawValue): \(field.description.en)")
            lines.append("  kept for:    \(field.purpose): \(policy.purpose(field.purpose)?.description.en ?? "")")
            lines.append("  opened for:  \(field.openedFor.joined(separator: ", "))")
            let origin = field.field == .audit ? "recorded" : "received"
            // A rule that is the hard maximum itself says it all.
            let rules = field.retention.filter { !($0.keep == field.hardMaximum && $0.event.rawValue == origin) }.map(\.description)
            let maximum = "\(rules.isEmpty ? "" : "at most ")\(field.hardMaximum) after \(origin)"
            lines.append("  deleted:     \(rules.isEmpty ? "" : rules.joined(separator: " or ") + ", and ")\(maximum)")
            lines.append("  archival:    \(field.archivalReference)")
            lines.append("")
        }
        // The other events say what they mean; `closed` alone could be read as "answered".
        if RetentionEvent.named(in: policy.fields).contains(.closed) {
            lines.append("closed: \(RetentionEvent.closed.meaning)")
            lines.append("")
        }
        if let spam = policy.spam {
            lines.append("spam: every field deleted \(spam.keep) after the case became spam (the form's trap, or `inbox spam`)")
            lines.append("  archival:    \(spam.archivalReference)")
            lines.append("")
        }
        if let keep = policy.register.keep, let reference = policy.register.archivalReference {
            lines.append("register: an entry per case, no personal data, deleted \(keep) after received once no field remains")
            lines.append("  archival:    \(reference)")
        } else {
            lines.append("register: an entry per case, no personal data, kept for good")
        }
        lines.append("")
        lines.append("cases: \(dueText(policy.cases.answerWithin))")
        for topic in policy.topics {
            let due = topic.answerWithin.map { "due \($0) after the day of receipt" } ?? "due as [cases] says"
            lines.append("topic \(topic.name): \(topic.label.en) / \(topic.label.sv); \(due)")
        }
        lines.append("key epoch: \(policy.epochMonths) month\(policy.epochMonths == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    private static func dueText(_ answerWithin: AnswerWithin?) -> String {
        guard let answerWithin else { return "no due dates ([cases] answer_within is not set)" }
        var skipped = ""
        if case .workingDays = answerWithin { skipped = "; weekends, public holidays, midsommarafton, julafton and nyårsafton skipped" }
        return "due \(answerWithin) after the day of receipt (Swedish time\(skipped)), overdue when that day ends"
    }
}
