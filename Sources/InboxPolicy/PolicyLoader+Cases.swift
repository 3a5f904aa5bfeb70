// The optional `[cases]` table: `answer_within`, when a case is due. As strict as the rest of the
// file: an unknown key, a value that is not a time to answer, or one that is zero or longer than a
// year is an error at its line.
import InboxTOML

extension PolicyLoader {
    static func parseCases(_ root: inout TOMLTableReader) throws(PolicyError) -> CaseSettings {
        guard root.has("cases") else { return CaseSettings() }
        var table = try root.table("cases")
        let (text, location) = try table.string("answer_within")
        let answerWithin = try parseAnswerWithin(text, at: location)
        try table.finish(known: ["answer_within"])
        return CaseSettings(answerWithin: answerWithin)
    }

    private static let answerWithinHint =
        "write a whole number and a unit: \"5 working days\" (Monday to Friday except Swedish public holidays), or calendar "
        + "\"10 days\", \"2 weeks\", \"1 month\""

    private static let answerWithinLimit =
        "at least 1 working day or 1 day, and at most a year: \(AnswerWithin.maximumWorkingDays) working days, 365 days, 52 weeks, "
        + "12 months or 1 year"

    static func parseAnswerWithin(_ text: String, at location: SourceLocation) throws(PolicyError) -> AnswerWithin {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map { $0.lowercased() }
        guard let first = words.first, let amount = Int(first) else {
            throw PolicyError(location, "the time to answer \"\(text)\" does not start with a number", hint: answerWithinHint)
        }
        let unit = words.dropFirst().joined(separator: " ")
        let answerWithin: AnswerWithin
        if unit == "working days" || unit == "working day" {
            answerWithin = .workingDays(amount)
        } else if let oneUnit = RetentionDuration(parsing: "1 \(unit)") {
            // The unit alone is asked for: the amount is checked below, with its own message.
            answerWithin = .calendar(RetentionDuration(amount: amount, unit: oneUnit.unit))
        } else {
            throw PolicyError(
                location, "the time to answer \"\(text)\" has \(unit.isEmpty ? "no unit" : "an unknown unit `\(unit)`")",
                hint: answerWithinHint)
        }
        guard amount > 0 else {
            throw PolicyError(
                location, "an answer within \(answerWithin) is no time to answer: every case would be due the day it arrives",
                hint: answerWithinLimit)
        }
        guard isAtMostAYear(answerWithin) else {
            throw PolicyError(
                location, "an answer within \(answerWithin) is longer than a year, which is no due date", hint: answerWithinLimit)
        }
        return answerWithin
    }

    private static func isAtMostAYear(_ answerWithin: AnswerWithin) -> Bool {
        switch answerWithin {
        case .workingDays(let count): count <= AnswerWithin.maximumWorkingDays
        case .calendar(let duration):
            switch duration.unit {
            case .days: duration.amount <= 365
            case .weeks: duration.amount <= 52
            case .months: duration.amount <= 12
            case .years: duration.amount <= 1
            }
        }
    }
}
