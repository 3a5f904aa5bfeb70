// The relay and sender of `inbox answer`, resolved as every setting is (the option, then the
// environment, then the configuration file) and checked before the passphrase is asked, so that a
// wrong setting costs nothing.
import Glibc
import InboxConfiguration
import InboxMail

struct MailSettings {
    static let defaultSubject = "Svar på din fråga"

    let smtp: SMTPConfiguration
    let from: Mailbox
    let subject: String

    init(options: MailOptions, settings: InboxSettings) throws {
        // Under sudo the relay is the installed one: the policy names it as the recipient that
        // sees addresses, and a relay of one's own would not be.
        try SudoRestrictions.refuse(options.smtpURL, option: "--smtp-url", sudo: settings.sudo)
        try SudoRestrictions.refuse(options.caFile, option: "--smtp-ca-file", sudo: settings.sudo)
        try SudoRestrictions.refuse(options.credentialsFile, option: "--smtp-credentials-file", sudo: settings.sudo)
        guard let url = settings.layers.value("smtp-url", option: options.smtpURL, variable: "INBOX_SMTP_URL") else {
            throw CLIError("no relay to send through: pass --smtp-url smtp://HOST:587 or set INBOX_SMTP_URL")
        }
        guard let sender = settings.layers.value("mail-from", option: options.mailFrom, variable: "INBOX_MAIL_FROM") else {
            throw CLIError("no sender: pass --mail-from \"Name <address>\" or set INBOX_MAIL_FROM")
        }
        do {
            smtp = SMTPConfiguration(
                server: try SMTPServerAddress(parsing: url),
                credentials: try settings.layers.value(
                    "smtp-credentials-file", option: options.credentialsFile, variable: "INBOX_SMTP_CREDENTIALS_FILE"
                )
                .map { try SMTPCredentials(file: $0) },
                caFile: settings.layers.value("smtp-ca-file", option: options.caFile, variable: "INBOX_SMTP_CA_FILE"),
                clientName: Self.hostName())
            self.from = try Mailbox(parsing: sender)
        } catch let error as SMTPError {
            throw CLIError("\(error)")
        }
        subject = settings.layers.value("subject", option: options.subject, variable: "INBOX_MAIL_SUBJECT") ?? Self.defaultSubject
        guard !subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CLIError("the subject contains a line break or another control character")
        }
    }

    /// This host's name for EHLO, if it is a plain host name; otherwise "localhost" rather than
    /// something a relay would refuse.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-")
            }
        return plain ? name : "localhost"
    }
}
