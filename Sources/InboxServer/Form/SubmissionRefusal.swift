// Why a valid submission could not be taken, and what the citizen and the operator are told. The
// citizen always gets the form back with what they wrote, a message in their language that says
// what happened and what to do (and where else to write), and a Retry-After: never an empty page,
// never a 500 for a condition we know.
import HTTPTypes
import InboxStore

enum SubmissionRefusal: Sendable, Equatable {
    case store(StoreError.Condition)
    case noKey
    case rateLimited(retryAfter: Int)
    case shuttingDown

    var status: HTTPResponse.Status {
        if case .rateLimited = self { return .tooManyRequests }
        return .serviceUnavailable
    }

    /// Seconds to suggest before trying again.
    var retryAfter: Int {
        switch self {
        case .store(.busy), .shuttingDown: 30
        case .store: 300
        case .noKey: 300
        case .rateLimited(let seconds): seconds
        }
    }

    /// The label of `inbox_submissions_refused_total`.
    var metricReason: String {
        switch self {
        case .store(.full): "store_full"
        case .store(.readOnly): "store_read_only"
        case .store(.busy): "store_busy"
        case .store: "store_failed"
        case .noKey: "no_key"
        case .rateLimited: "rate_limited"
        case .shuttingDown: "shutting_down"
        }
    }

    static let metricReasons = ["store_full", "store_read_only", "store_busy", "store_failed", "no_key", "rate_limited", "shutting_down"]

    func title(_ language: PageLanguage) -> String {
        language.isSwedish ? "Din fråga kunde inte skickas" : "Your question could not be sent"
    }

    /// What happened, that nothing was kept, what to do, and where else to write.
    func message(_ language: PageLanguage, contact: String) -> String {
        let sv = language.isSwedish
        let minutes = max(1, (retryAfter + 59) / 60)
        let when =
            sv ? (minutes == 1 ? "om en minut" : "om \(minutes) minuter") : (minutes == 1 ? "in a minute" : "in \(minutes) minutes")
        let what: String
        switch self {
        case .rateLimited:
            what =
                sv
                ? "Många frågor har skickats från ditt nätverk på kort tid."
                : "Many questions have been sent from your network in a short time."
        case .shuttingDown:
            what = sv ? "Formuläret startar om just nu." : "The form is restarting just now."
        default:
            what = sv ? "Vi kunde inte spara din fråga just nu." : "We could not save your question just now."
        }
        return sv
            ? "\(what) Ingenting sparades. Försök igen \(when), eller skriv till \(contact). Din fråga finns kvar i formuläret nedan."
            : "\(what) Nothing was saved. Please try again \(when), or write to \(contact). Your question is still in the form below."
    }
}
