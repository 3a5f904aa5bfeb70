// The fixed wording of the public pages, in Swedish and English.

struct PageText {
    let language: PageLanguage

    private func text(_ sv: String, _ en: String) -> String { language.isSwedish ? sv : en }

    var formTitle: String { text("Ställ en fråga", "Ask a question") }
    var thanksTitle: String { text("Tack för din fråga", "Thank you for your question") }
    var errorTitle: String { text("Rätta det som är fel", "Please correct the form") }
    var switchLanguage: String { text("In English", "På svenska") }
    var questionLabel: String { text("Din fråga", "Your question") }
    var questionHint: String {
        text(
            "Högst \(5_000.formatted(language)) tecken. Skriv inte mer om dig själv än vi behöver för att svara.",
            "At most \(5_000.formatted(language)) characters. Tell us no more about yourself than we need to answer.")
    }
    var emailLabel: String { text("Din e-postadress (frivillig)", "Your email address (optional)") }
    var emailHint: String {
        text(
            "Fyll i den om du vill att vi svarar dig via e-post. Läs nedan hur länge vi sparar den.",
            "Fill it in if you want us to answer you by email. Read below how long we keep it.")
    }
    var honeypotLabel: String { text("Lämna det här fältet tomt", "Leave this field empty") }
    var submit: String { text("Skicka frågan", "Send the question") }
    var referenceIntro: String { text("Din referens är", "Your reference is") }
    var referenceAdvice: String {
        text(
            "Ange referensen om du kontaktar oss om frågan. Har du lämnat din e-postadress svarar vi dig där.",
            "Quote the reference if you contact us about the question. If you gave your email address, we will answer you there.")
    }
    var askAnother: String { text("Ställ en till fråga", "Ask another question") }
    var backToPage: String { text("Tillbaka till sidan du kom från", "Back to the page you came from") }
    var topicLabel: String { text("Vad gäller frågan?", "What is your question about?") }
    var generalTopic: String { text("Allmän fråga", "A general question") }
    var unknownReference: String { text("Referensen saknas eller är felaktig.", "The reference is missing or wrong.") }
}

extension Int {
    /// 5 000 in Swedish, 5,000 in English.
    func formatted(_ language: PageLanguage) -> String {
        let digits = String(self)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += language.isSwedish ? "\u{00A0}" : "," }
            grouped.append(digit)
        }
        return grouped
    }
}
