// Reads and validates a policy file. Validation is strict: an unknown key, a missing setting, a
// duplicate, a bad duration, an unknown event or purpose, or a hard maximum shorter than a rule is
// an error with the file, line and column, and a hint. The optional [cases] table is read in
// PolicyLoader+Cases.swift; [topics], [spam] and [register] in PolicyLoader+Records.swift.
import Foundation
public import InboxTOML

public enum PolicyLoader {
    public static func load(path: String) throws -> Policy {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PolicyError(
                SourceLocation(file: path, line: 0, column: 0), "cannot read the policy file",
                hint: "check the path, and that the file is UTF-8")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(PolicyError) -> Policy {
        var root = TOMLTableReader(try TOMLParser.parse(file: file, text: text), path: "", guide: "policy/README.md")
        let version = try root.integer("version")
        guard version.value == Policy.formatVersion else {
            throw PolicyError(
                version.location, "policy format version \(version.value) is not supported",
                hint: "this build reads version \(Policy.formatVersion)")
        }

        var controllerTable = try root.table("controller")
        let controller = Controller(
            name: try controllerTable.string("name").value, organisationNumber: try controllerTable.optionalString("organisation_number"),
            address: try controllerTable.string("address").value, email: try controllerTable.string("email").value,
            phone: try controllerTable.optionalString("phone"))
        try controllerTable.finish(known: ["name", "organisation_number", "address", "email", "phone"])

        var contactTable = try root.table("data_protection_contact")
        let contact = Contact(
            name: try contactTable.string("name").value, email: try contactTable.string("email").value,
            phone: try contactTable.optionalString("phone"))
        try contactTable.finish(known: ["name", "email", "phone"])

        var authorityTable = try root.table("supervisory_authority")
        let authority = SupervisoryAuthority(name: try authorityTable.string("name").value, url: try authorityTable.string("url").value)
        try authorityTable.finish(known: ["name", "url"])

        var keysTable = try root.table("keys")
        let epochMonths = try parseEpoch(&keysTable)
        try keysTable.finish(known: ["epoch"])

        var purge = PurgeSettings()
        if root.has("purge") {
            var purgeTable = try root.table("purge")
            if purgeTable.has("max_gap") {
                let (text, location) = try purgeTable.string("max_gap")
                let gap = try duration(text, at: location, what: "the purge's maximum gap")
                guard gap.amount > 0 else {
                    throw PolicyError(location, "a maximum gap of \(gap) would refuse every purge", hint: "the default is \"7 days\"")
                }
                purge = PurgeSettings(maxGap: gap)
            }
            try purgeTable.finish(known: ["max_gap"])
        }

        let cases = try parseCases(&root)
        let purposes = try parsePurposes(&root)
        let fields = try parseFields(&root, purposes: purposes)
        let recipients = try parseRecipients(&root)
        let topics = try parseTopics(&root)
        let spam = try parseSpam(&root, fields: fields)
        let register = try parseRegister(&root, fields: fields)
        try root.finish(known: [
            "version", "controller", "data_protection_contact", "supervisory_authority", "keys", "purge", "cases", "purposes",
            "fields", "recipients", "topics", "spam", "register",
        ])

        return Policy(
            controller: controller, dataProtectionContact: contact, supervisoryAuthority: authority, epochMonths: epochMonths,
            purposes: purposes, fieldPolicies: fields, recipients: recipients, purge: purge, cases: cases, topics: topics, spam: spam,
            register: register)
    }

    static let durationHint = "write a whole number and a unit: \"30 days\", \"6 weeks\", \"3 months\", \"2 years\""

    static func duration(_ text: String, at location: SourceLocation, what: String) throws(PolicyError) -> RetentionDuration {
        guard let duration = RetentionDuration(parsing: text) else {
            throw PolicyError(location, "\(what) \"\(text)\" is not a duration", hint: durationHint)
        }
        return duration
    }

    private static func parseEpoch(_ table: inout TOMLTableReader) throws(PolicyError) -> Int {
        let (text, location) = try table.string("epoch")
        let epoch = try duration(text, at: location, what: "the key epoch")
        let months = epoch.unit == .months ? epoch.amount : epoch.unit == .years ? epoch.amount * 12 : 0
        guard [1, 2, 3, 4, 6, 12].contains(months) else {
            throw PolicyError(
                location, "a key epoch of \(epoch) is not supported", hint: "use 1, 2, 3, 4, 6 or 12 months: epochs must divide a year")
        }
        return months
    }

    private static func localized(_ table: inout TOMLTableReader, _ key: String) throws(PolicyError) -> LocalizedText {
        var text = try table.table(key)
        let localized = LocalizedText(sv: try text.string("sv").value, en: try text.string("en").value)
        try text.finish(known: ["sv", "en"])
        return localized
    }

    private static func parsePurposes(_ root: inout TOMLTableReader) throws(PolicyError) -> [Purpose] {
        var table = try root.table("purposes")
        var purposes: [Purpose] = []
        for entry in table.allKeys() {
            var purpose = try entry.node.table("the purpose `\(entry.key)`", path: "purposes.\(entry.key)", guide: root.guide)
            purposes.append(
                Purpose(
                    id: entry.key, description: try localized(&purpose, "description"), legalBasis: try localized(&purpose, "legal_basis")))
            try purpose.finish(known: ["description", "legal_basis"])
        }
        guard !purposes.isEmpty else { throw PolicyError(table.table.location, "[purposes] names no purpose") }
        for needed in ProcessingPurpose.allCases where !purposes.contains(where: { $0.id == needed.rawValue }) {
            throw PolicyError(
                table.table.location, "[purposes] does not define `\(needed.rawValue)`, which the inbox acts for in \(needed.neededFor)",
                hint: "add a [purposes.\(needed.rawValue)] section with its description and legal basis")
        }
        return purposes
    }

    private static func parseFields(_ root: inout TOMLTableReader, purposes: [Purpose]) throws(PolicyError) -> FieldPolicies {
        var table = try root.table("fields")
        let purposeIDs = purposes.map(\.id)
        var fields: [FieldPolicy] = []
        for entry in table.allKeys() {
            guard let field = PolicyField(rawValue: entry.key) else {
                throw PolicyError(
                    entry.keyLocation, "unknown field `\(entry.key)` in [fields]",
                    hint: "the inbox stores \(PolicyField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var reader = try entry.node.table("the field `\(entry.key)`", path: "fields.\(entry.key)", guide: root.guide)
            fields.append(try parseField(field, &reader, purposeIDs: purposeIDs))
            try reader.finish(known: ["description", "purpose", "opened_for", "retention", "hard_maximum", "archival_reference"])
        }
        for field in PolicyField.allCases where !fields.contains(where: { $0.field == field }) {
            throw PolicyError(
                table.table.location, "[fields] has no policy for `\(field.rawValue)`", hint: "add a [fields.\(field.rawValue)] section")
        }
        guard let policies = FieldPolicies(fields) else { throw PolicyError(table.table.location, "[fields] is incomplete") }
        return policies
    }

    private static func parseField(
        _ field: PolicyField, _ table: inout TOMLTableReader, purposeIDs: [String]
    ) throws(PolicyError) -> FieldPolicy {
        func checkPurpose(_ id: String, at location: SourceLocation) throws(PolicyError) {
            guard purposeIDs.contains(id) else {
                throw PolicyError(
                    location, "unknown purpose `\(id)`",
                    hint: "the purposes defined in [purposes] are: \(purposeIDs.joined(separator: ", "))")
            }
        }
        let description = try localized(&table, "description")
        let purpose = try table.string("purpose")
        try checkPurpose(purpose.value, at: purpose.location)

        let openedForArray = try table.array("opened_for")
        var openedFor: [String] = []
        for node in openedForArray.elements {
            let id = try node.string("a purpose in `opened_for`")
            try checkPurpose(id, at: node.location)
            guard !openedFor.contains(id) else { throw PolicyError(node.location, "`\(id)` is listed twice in `opened_for`") }
            openedFor.append(id)
        }
        guard !openedFor.isEmpty else {
            throw PolicyError(
                openedForArray.location, "`opened_for` is empty, so the field could never be read",
                hint: "list the purposes it may be opened for")
        }

        let hardMaximumText = try table.string("hard_maximum")
        let hardMaximum = try duration(hardMaximumText.value, at: hardMaximumText.location, what: "the hard maximum")

        let rulesArray = try table.array("retention")
        var rules: [RetentionRule] = []
        for node in rulesArray.elements {
            var rule = try node.table("a retention rule", path: "fields.\(field.rawValue).retention", guide: table.guide)
            let event = try rule.string("after")
            guard let retentionEvent = RetentionEvent(rawValue: event.value), field.events.contains(retentionEvent) else {
                // An event of a case named for an audit entry is a likely slip: say why it cannot apply.
                let why =
                    field == .audit && RetentionEvent(rawValue: event.value) != nil
                    ? "; an audit entry belongs to no case, so it is never \(event.value)" : ""
                throw PolicyError(
                    event.location, "unknown event `\(event.value)` for the \(field.rawValue) field",
                    hint: "a rule for \(field.rawValue) counts from: \(field.events.map(\.rawValue).joined(separator: ", "))\(why)")
            }
            let keepText = try rule.string("keep")
            let keep = try duration(keepText.value, at: keepText.location, what: "the retention")
            try rule.finish(known: ["after", "keep"])
            guard !rules.contains(where: { $0.event == retentionEvent }) else {
                throw PolicyError(event.location, "two rules count from `\(event.value)`", hint: "keep the one that applies")
            }
            // The same unit compares exactly; across units (a month against 30 days) a rule that
            // can ever outlast the hard maximum is refused.
            guard fits(keep, within: hardMaximum) else {
                throw PolicyError(
                    keepText.location, "keeping \(keep) after \(event.value) can be longer than the hard maximum of \(hardMaximum)",
                    hint: "shorten the rule or lengthen `hard_maximum` (line \(hardMaximumText.location.line))")
            }
            rules.append(RetentionRule(event: retentionEvent, keep: keep))
        }

        return FieldPolicy(
            field: field, description: description, purpose: purpose.value, openedFor: openedFor, retention: rules,
            hardMaximum: hardMaximum, archivalReference: try table.string("archival_reference").value)
    }

    private static func parseRecipients(_ root: inout TOMLTableReader) throws(PolicyError) -> [Recipient] {
        guard root.has("recipients") else { return [] }
        let array = try root.array("recipients")
        var recipients: [Recipient] = []
        for node in array.elements {
            var table = try node.table("a recipient", path: "recipients", guide: root.guide)
            let name = try table.string("name").value
            let description = try localized(&table, "description")
            var fields: [PolicyField] = []
            for fieldNode in try table.array("fields").elements {
                let text = try fieldNode.string("a field in `fields`")
                guard let field = PolicyField(rawValue: text) else {
                    throw PolicyError(
                        fieldNode.location, "unknown field `\(text)`",
                        hint: "the inbox stores \(PolicyField.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                fields.append(field)
            }
            try table.finish(known: ["name", "description", "fields"])
            recipients.append(Recipient(name: name, description: description, fields: fields))
        }
        return recipients
    }
}
