// The fixed wording of the privacy notice, in Swedish and English; everything that varies comes
// from the policy.

struct NoticeText {
    let language: NoticeLanguage

    init(_ language: NoticeLanguage) {
        self.language = language
    }

    private func text(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }

    var title: String { text("Så hanterar vi dina personuppgifter", "How we handle your personal data") }
    var controllerHeading: String { text("Vem som ansvarar", "Who is responsible") }
    var keptHeading: String { text("Vad vi sparar, varför och hur länge", "What we keep, why, and for how long") }
    var legalBasisHeading: String { text("Rättslig grund", "Legal basis") }
    var securityHeading: String { text("Kryptering och säkerhetskopior", "Encryption and backups") }
    var recipientsHeading: String { text("Vilka fler som ser uppgifterna", "Who else sees the data") }
    var rightsHeading: String { text("Dina rättigheter", "Your rights") }

    func controller(_ controller: Controller) -> String {
        var parts = [controller.name]
        if let number = controller.organisationNumber {
            parts.append(text("organisationsnummer \(number)", "organisation number \(number)"))
        }
        parts.append(controller.address)
        parts.append(controller.email)
        if let phone = controller.phone { parts.append(phone) }
        return text(
            "Personuppgiftsansvarig för uppgifterna du lämnar i formuläret är \(parts.joined(separator: ", ")).",
            "The controller of the data you give in this form is \(parts.joined(separator: ", ")).")
    }

    func purpose(_ description: String) -> String {
        text("Ändamål: \(lowercasedFirst(description))", "Purpose: \(lowercasedFirst(description))")
    }

    private func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private func after(_ event: RetentionEvent) -> String {
        switch event {
        case .received: text("efter att vi tog emot den", "after we received it")
        case .answered: text("efter att vi har svarat", "after we have answered")
        case .closed: text("efter att vi har avslutat ärendet utan svar", "after we have closed the case without an answer")
        case .recorded: text("efter att den skrevs", "after it was written")
        }
    }

    func retention(_ field: FieldPolicy, language: NoticeLanguage) -> String {
        let maximum = field.hardMaximum.localized(language)
        let maximumRule = field.retention.contains { $0.event == .received && $0.keep == field.hardMaximum }
        if field.retention.isEmpty || maximumRule && field.retention.count == 1 {
            return text("Vi raderar den \(maximum) \(after(.received)).", "We delete it \(maximum) \(after(.received)).")
        }
        let list = rulesInWords(field.retention, language: language)
        // What may not have happened when the hard maximum comes: no answer, or no end of the case.
        let unless =
            field.retention.contains { $0.event == .closed }
            ? text("även om ärendet fortfarande är öppet", "even if the case is still open")
            : text("även om vi inte har svarat", "even if we have not answered")
        return text(
            "Vi raderar den \(list), och senast \(maximum) \(after(.received)) \(unless).",
            "We delete it \(list), and at the latest \(maximum) \(after(.received)), \(unless).")
    }

    /// Rules of one duration read as one: "30 days after we have answered or after we have closed
    /// the case without an answer", not the duration twice.
    private func rulesInWords(_ rules: [RetentionRule], language: NoticeLanguage) -> String {
        var groups: [(keep: RetentionDuration, events: [RetentionEvent])] = []
        for rule in rules {
            if let index = groups.firstIndex(where: { $0.keep == rule.keep }) {
                groups[index].events.append(rule.event)
            } else {
                groups.append((rule.keep, [rule.event]))
            }
        }
        let or = text(" eller ", " or ")
        return groups.map { "\($0.keep.localized(language)) \($0.events.map(after).joined(separator: or))" }.joined(separator: or)
    }

    /// The register entry: what it holds, that it holds nothing about the person, and how long.
    func register(_ keep: String?) -> String {
        let how =
            keep.map { text("Den sparas i \($0) efter att vi tog emot frågan.", "It is kept for \($0) after we received the question.") }
            ?? text("Den bevaras.", "It is kept permanently.")
        return text(
            "Varje fråga får en post i vårt diarium med referens, datum, ämne, den sida du skrev från, språk och hur ärendet avslutades, men inga uppgifter om dig: frågan är en allmän handling från det att den kommer in. \(how)",
            "Every question gets an entry in our register with its reference, date, topic, the page you wrote from, language and how the case ended, but nothing about you: a question is a public record from the moment it arrives. \(how)"
        )
    }

    /// What happens to a submission the form's spam trap caught, or that staff found to be spam.
    func spam(_ keep: String) -> String {
        text(
            "Ett meddelande som vi bedömer som skräppost sparas krypterat på samma sätt och raderas \(keep) efter att det bedömdes som skräppost.",
            "A message we judge to be spam is stored encrypted in the same way and deleted \(keep) after it was judged to be spam."
        )
    }

    func security(epoch: String, emailMaximum: String) -> String {
        text(
            "Allt du skriver sparas krypterat. Uppgifterna från varje period om \(epoch) krypteras med en egen nyckel, och nyckeln förstörs när uppgifterna ska vara borta. Då blir också kopior i våra säkerhetskopior oläsliga, senast en period om \(epoch) efter att uppgiften skulle raderas: din e-postadress kan alltså inte läsas någonstans senare än \(emailMaximum) och \(epoch) efter att vi tog emot den.",
            "Everything you write is stored encrypted. The data of each period of \(epoch) is encrypted with a key of its own, and the key is destroyed when the data must be gone. Copies in our backups then become unreadable too, at the latest one period of \(epoch) after the data was due for deletion: your email address cannot be read anywhere later than \(emailMaximum) and \(epoch) after we received it."
        )
    }

    var rights: String {
        text(
            "Du har rätt att få veta vilka uppgifter vi har om dig, att få felaktiga uppgifter rättade och att begära att uppgifterna raderas eller att behandlingen begränsas. Du kan också invända mot behandlingen. Ange referensen du fick när du skickade din fråga.",
            "You have the right to know what data we hold about you, to have wrong data corrected, and to ask for the data to be erased or its processing restricted. You can also object to the processing. Quote the reference you were given when you sent your question."
        )
    }

    func contact(_ contact: Contact) -> String {
        let phone = contact.phone.map { ", \($0)" } ?? ""
        return text(
            "Frågor om dataskydd: \(contact.name), \(contact.email)\(phone).",
            "Questions about data protection: \(contact.name), \(contact.email)\(phone).")
    }

    func complaint(_ authority: SupervisoryAuthority) -> String {
        text(
            "Om du är missnöjd med hur vi behandlar dina uppgifter kan du klaga hos \(authority.name), \(authority.url).",
            "If you are unhappy with how we handle your data you can complain to \(authority.name), \(authority.url).")
    }
}
