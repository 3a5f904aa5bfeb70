// The privacy notice in each page language, generated once from the policy at start.
import InboxPolicy

struct PageNotices: Sendable {
    let swedish: PrivacyNotice
    let english: PrivacyNotice

    init(policy: Policy) {
        swedish = PrivacyNotice(policy: policy, language: .sv)
        english = PrivacyNotice(policy: policy, language: .en)
    }

    subscript(language: PageLanguage) -> PrivacyNotice {
        language.isSwedish ? swedish : english
    }
}
