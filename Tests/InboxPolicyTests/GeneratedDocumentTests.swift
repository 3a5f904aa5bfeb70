// The notice and the record of processing say what the policy says.
import Foundation
import InboxPolicy
import Testing

@Suite("generated notice and record")
struct GeneratedDocumentTests {
    let policy = try! PolicyLoader.load(path: DefaultPolicy.path)

    @Test("the English notice states 30 and 90 days, the backups, the contact and the complaint")
    func english() {
        let notice = PrivacyNotice(policy: policy, language: .en).markdown
        #expect(
            notice.contains(
                "Your email address, if you give it. Purpose: to be able to answer your question. We delete it 30 days after we have answered or after we have closed the case without an answer, and at the latest 90 days after we received it, even if the case is still open."
            ))
        #expect(
            notice.contains(
                "Your question. Purpose: to keep questions and answers as public records until they may be disposed of. We delete it 2 years after we received it."
            ))
        #expect(notice.contains("cannot be read anywhere later than 90 days and 1 month after we received it"))
        #expect(notice.contains(policy.dataProtectionContact.email))
        #expect(notice.contains("Integritetsskyddsmyndigheten (IMY), https://www.imy.se"))
        #expect(notice.contains("The agency's mail relay"))
    }

    @Test("the Swedish notice states 30 and 90 days")
    func swedish() {
        let notice = PrivacyNotice(policy: policy, language: .sv).markdown
        #expect(notice.hasPrefix("# Så hanterar vi dina personuppgifter"))
        #expect(
            notice.contains(
                "Vi raderar den 30 dagar efter att vi har svarat eller efter att vi har avslutat ärendet utan svar, och senast 90 dagar efter att vi tog emot den även om ärendet fortfarande är öppet."
            ))
        #expect(notice.contains("2 år efter att vi tog emot den"))
        #expect(notice.contains("1 månad"))
    }

    @Test("the notice follows the policy: a changed retention changes the text")
    func followsPolicy() throws {
        let text = DefaultPolicy.text.replacingOccurrences(of: "keep = \"30 days\"", with: "keep = \"14 days\"")
        let changed = try PolicyLoader.parse(text, file: "p")
        #expect(PrivacyNotice(policy: changed, language: .en).markdown.contains("We delete it 14 days after we have answered"))
    }

    @Test("rules of different durations are named one by one; without a `closed` rule the old wording stays")
    func closedWording() throws {
        let closedRule = "{ after = \"closed\", keep = \"30 days\" }"
        #expect(DefaultPolicy.text.contains(closedRule))
        let shorter = try PolicyLoader.parse(
            DefaultPolicy.text.replacingOccurrences(of: closedRule, with: "{ after = \"closed\", keep = \"10 days\" }"), file: "p")
        #expect(
            PrivacyNotice(policy: shorter, language: .en).markdown.contains(
                "We delete it 30 days after we have answered or 10 days after we have closed the case without an answer, and"))
        #expect(
            PrivacyNotice(policy: shorter, language: .sv).markdown.contains(
                "Vi raderar den 30 dagar efter att vi har svarat eller 10 dagar efter att vi har avslutat ärendet utan svar, och"))
        let withoutClosed = try PolicyLoader.parse(DefaultPolicy.text.replacingOccurrences(of: "    \(closedRule),\n", with: ""), file: "p")
        #expect(
            PrivacyNotice(policy: withoutClosed, language: .en).markdown.contains(
                "We delete it 30 days after we have answered, and at the latest 90 days after we received it, even if we have not answered."
            ))
    }

    @Test("the summary of `inbox policy show` names the close, the due dates and the epoch")
    func summary() {
        let summary = PolicySummary.text(policy: policy)
        #expect(summary.contains("  deleted:     30 days after answered or 30 days after closed, and at most 90 days after received\n"))
        #expect(summary.contains("closed: the case was closed without an answer (forwarded to another agency, or no answer needed)"))
        #expect(summary.contains("cases: due 5 working days after the day of receipt (Swedish time; weekends, public holidays,"))
        #expect(summary.hasSuffix("key epoch: 1 month"))
    }

    @Test("the record of processing covers article 30.1 a to g")
    func record() {
        let record = RecordOfProcessing.markdown(policy: policy)
        for heading in ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g, article 32)"] {
            #expect(record.contains(heading), "\(heading)")
        }
        #expect(record.contains("| email | 30 days after answered; 30 days after closed | 90 days |"))
        #expect(record.contains("`closed`: the case was closed without an answer (forwarded to another agency, or no answer needed)"))
        #expect(record.contains("| `answering` |"))
    }
}
