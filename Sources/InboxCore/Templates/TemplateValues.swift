// What a template's placeholders are filled with, from the case and the staff member answering it.
public import Foundation

public struct TemplateValues: Sendable {
    /// `{{reference}}`: the case's reference as the citizen got it (`K7Q2-M9XD-4T`).
    public var reference: String
    /// `{{received}}`: when the question came in, written as a Stockholm calendar day.
    public var received: Date
    /// `{{staff_name}}`: the full name of the person answering (`StaffFullName`).
    public var staffName: String
    /// `{{due}}`: when an answer can be expected, for interim replies; a template that uses it
    /// cannot be rendered without it.
    public var due: Date?

    public init(reference: String, received: Date, staffName: String, due: Date? = nil) {
        self.reference = reference
        self.received = received
        self.staffName = staffName
        self.due = due
    }
}
