// The privacy notice of GDPR article 13, generated from the policy, in Swedish or English. The
// form shows exactly this text; `inbox policy notice` prints it.

public struct PrivacyNotice: Sendable {
    public struct Section: Sendable, Equatable {
        public let heading: String
        public let paragraphs: [String]
    }

    public let language: NoticeLanguage
    public let title: String
    public let sections: [Section]

    public init(policy: Policy, language: NoticeLanguage) {
        self.language = language
        let text = NoticeText(language)
        title = text.title
        var sections: [Section] = []

        sections.append(Section(heading: text.controllerHeading, paragraphs: [text.controller(policy.controller)]))

        let recordFields: [PolicyField] = [.email, .question, .answer]
        sections.append(
            Section(
                heading: text.keptHeading,
                paragraphs: recordFields.map { field in
                    let fieldPolicy = policy.field(field)
                    // The loader refuses a field whose purpose is not defined, so the purpose is there.
                    let purpose = policy.purpose(fieldPolicy.purpose).map { text.purpose($0.description[language]) + " " } ?? ""
                    return "\(fieldPolicy.description[language]) \(purpose)" + text.retention(fieldPolicy, language: language)
                } + [text.register(policy.register.keep?.localized(language))]
                    + (policy.spam.map { [text.spam($0.keep.localized(language))] } ?? [])))

        let basisPurposes = Set(recordFields.map { policy.field($0).purpose }).sorted()
        sections.append(
            Section(
                heading: text.legalBasisHeading,
                paragraphs: basisPurposes.compactMap(policy.purpose).map { "\($0.description[language]) \($0.legalBasis[language])" }))

        let epoch = RetentionDuration(amount: policy.epochMonths, unit: .months)
        let emailGone = policy.field(.email).hardMaximum
        sections.append(
            Section(
                heading: text.securityHeading,
                paragraphs: [text.security(epoch: epoch.localized(language), emailMaximum: emailGone.localized(language))]))

        if !policy.recipients.isEmpty {
            sections.append(
                Section(heading: text.recipientsHeading, paragraphs: policy.recipients.map { "\($0.name): \($0.description[language])" }))
        }

        sections.append(
            Section(
                heading: text.rightsHeading,
                paragraphs: [
                    text.rights, text.contact(policy.dataProtectionContact),
                    text.complaint(policy.supervisoryAuthority),
                ]))
        self.sections = sections
    }

    /// Markdown: a level-one title and a level-two heading per section.
    public var markdown: String {
        var lines = ["# \(title)", ""]
        for section in sections {
            lines += ["## \(section.heading)", ""]
            for paragraph in section.paragraphs { lines += [paragraph, ""] }
        }
        return lines.joined(separator: "\n")
    }
}
