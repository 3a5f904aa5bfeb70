// The options of `inbox answer`: which relay to send through and as whom (README.md "Answering by email").
// Credentials are named by a file, never given on the command line.
import ArgumentParser

struct MailOptions: ParsableArguments {
    @Option(
        name: .customLong("smtp-url"),
        help: ArgumentHelp(
            "The relay: smtp://HOST[:587] (STARTTLS required), smtps://HOST[:465] or smtp+plain://HOST:PORT (loopback only) (env INBOX_SMTP_URL).",
            valueName: "url"))
    var smtpURL: String?

    @Option(
        name: .customLong("smtp-ca-file"),
        help: ArgumentHelp("PEM file of the private CA that signed the relay's certificate (env INBOX_SMTP_CA_FILE).", valueName: "file"))
    var caFile: String?

    @Option(
        name: .customLong("smtp-credentials-file"),
        help: ArgumentHelp(
            "A file of two lines, user name and password, readable by its owner only (env INBOX_SMTP_CREDENTIALS_FILE).", valueName: "file")
    )
    var credentialsFile: String?

    @Option(
        name: .customLong("mail-from"),
        help: ArgumentHelp("The sender: an address, or \"Name <address>\" (env INBOX_MAIL_FROM).", valueName: "mailbox"))
    var mailFrom: String?

    @Option(
        name: .customLong("subject"),
        help: ArgumentHelp("The subject, before the reference (env INBOX_MAIL_SUBJECT, default \"Svar på din fråga\").", valueName: "text"))
    var subject: String?
}
