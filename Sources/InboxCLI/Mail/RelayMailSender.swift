// The answering use case's way out: the answer as an RFC 5322 message from the agency's sender,
// sent through its relay with our SMTP client.
import InboxCore
import InboxMail
import InboxStore

struct RelayMailSender: MailSender {
    let settings: MailSettings

    /// Throws unless `address` can be written to safely; checked before anyone types an answer.
    static func recipient(_ address: String) throws -> MailAddress {
        try MailAddress(parsing: address)
    }

    func sendAnswer(_ text: String, to address: String, reference: Reference) async throws -> String {
        try await send(text, to: address, subject: "\(settings.subject) \(reference)")
    }

    /// Any other message from the agency's sender (the staff's daily digest).
    func send(_ text: String, to address: String, subject: String) async throws -> String {
        let message = try MailMessage(from: settings.from, to: try Self.recipient(address), subject: subject, body: text)
        return "\(try await SMTPClient(configuration: settings.smtp).send(message))"
    }
}
