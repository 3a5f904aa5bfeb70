// How an answer leaves: the staff tool sends it through the agency's relay (InboxMail's SMTP
// client); the core knows only that a sender takes a text for an address, or throws.
public import InboxStore

public protocol MailSender: Sendable {
    /// Sends `text` to `address` as the answer to `reference`. Returns what the relay said when it
    /// took the message; throws when it did not.
    func sendAnswer(_ text: String, to address: String, reference: Reference) async throws -> String
}
