// The optional `[topics.NAME]`, `[spam]` and `[register]` tables. As strict as the rest of the file;
// and every rule that deletes something names its archival decision (gallringsbeslut), because a
// question is a public record from the moment it arrives.
import InboxTOML

extension PolicyLoader {
    static func parseTopics(_ root: inout TOMLTableReader) throws(PolicyError) -> [Topic] {
        guard root.has("topics") else { return [] }
        var table = try root.table("topics")
        var topics: [Topic] = []
        for entry in table.allKeys() {
            guard Topic.isValidName(entry.key) else {
                throw PolicyError(
                    entry.keyLocation, "`\(entry.key)` is not a topic name",
                    hint:
                        "use lower-case letters a-z, digits and hyphens, at most \(Topic.maximumNameLength) characters, as in [topics.accessibility]"
                )
            }
            var topic = try entry.node.table("the topic `\(entry.key)`", path: "topics.\(entry.key)", guide: root.guide)
            var labelTable = try topic.table("label")
            let label = LocalizedText(sv: try labelTable.string("sv").value, en: try labelTable.string("en").value)
            try labelTable.finish(known: ["sv", "en"])
            var answerWithin: AnswerWithin?
            if topic.has("answer_within") {
                let (text, location) = try topic.string("answer_within")
                answerWithin = try parseAnswerWithin(text, at: location)
            }
            try topic.finish(known: ["label", "answer_within"])
            topics.append(Topic(name: entry.key, label: label, answerWithin: answerWithin))
        }
        guard !topics.isEmpty else {
            throw PolicyError(table.table.location, "[topics] names no topic", hint: "add a [topics.NAME] section, or leave [topics] out")
        }
        return topics
    }

    /// `keep` may not outlast the hard maximum of the fields a spam submission has: their keys are
    /// destroyed by then, and the policy would promise to keep what nobody can read.
    static func parseSpam(_ root: inout TOMLTableReader, fields: FieldPolicies) throws(PolicyError) -> SpamSettings? {
        guard root.has("spam") else { return nil }
        var table = try root.table("spam")
        let (text, location) = try table.string("keep")
        let keep = try duration(text, at: location, what: "the retention of spam")
        for field in [fields.email, fields.question] where !fits(keep, within: field.hardMaximum) {
            throw PolicyError(
                location,
                "keeping spam \(keep) can be longer than the \(field.field.rawValue) field's hard maximum of \(field.hardMaximum)",
                hint: "spam is sealed like any submission, and its keys are destroyed after the hard maximum")
        }
        let archivalReference = try table.string("archival_reference").value
        try table.finish(known: ["keep", "archival_reference"])
        return SpamSettings(keep: keep, archivalReference: archivalReference)
    }

    /// A register kept for less than the longest a case's fields may be kept would go before the
    /// data it registers: `keep` must reach every case field's hard maximum.
    static func parseRegister(_ root: inout TOMLTableReader, fields: FieldPolicies) throws(PolicyError) -> RegisterSettings {
        guard root.has("register") else { return RegisterSettings() }
        var table = try root.table("register")
        guard table.has("keep") else {
            try table.finish(known: [])
            return RegisterSettings()
        }
        let (text, location) = try table.string("keep")
        let keep = try duration(text, at: location, what: "the retention of the register")
        for field in [fields.email, fields.question, fields.answer] where !fits(field.hardMaximum, within: keep) {
            throw PolicyError(
                location,
                "a register kept \(keep) can go before the \(field.field.rawValue) field it registers (kept up to \(field.hardMaximum))",
                hint: "keep the register at least as long as every field's hard maximum, or leave `keep` out to keep it for good")
        }
        guard table.has("archival_reference") else {
            throw PolicyError(
                location, "the register is deleted after \(keep), but [register] names no `archival_reference`",
                hint: "name the archival decision (gallringsbeslut) that allows it, or leave `keep` out to keep the register for good")
        }
        let archivalReference = try table.string("archival_reference").value
        try table.finish(known: ["keep", "archival_reference"])
        return RegisterSettings(keep: keep, archivalReference: archivalReference)
    }

    /// Whether `duration` can never be longer than `limit` (the same unit compares exactly; across
    /// units, by the longest the one and the shortest the other can be).
    static func fits(_ duration: RetentionDuration, within limit: RetentionDuration) -> Bool {
        duration.unit == limit.unit ? duration.amount <= limit.amount : duration.days.upperBound <= limit.days.lowerBound
    }
}
