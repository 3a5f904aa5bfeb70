// A staff member's full name comes from their account (the first field of GECOS), so that a
// signature names them as colleagues and citizens know them; an account without one gives its login.
import Foundation
import Testing

@testable import InboxCore

@Suite("staff full name")
struct StaffFullNameTests {
    @Test("root's account gives its GECOS name")
    func root() throws {
        #expect(StaffFullName.lookup(login: "root") == "root")
    }

    @Test("every account in /etc/passwd gives the first field of its GECOS, or its login when that is empty")
    func everyLocalAccount() throws {
        let lines = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n")
        var checked = 0
        for line in lines {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 7 else { continue }
            let login = String(fields[0])
            let name = fields[4].prefix { $0 != "," }.trimmingCharacters(in: .whitespaces)
            #expect(StaffFullName.lookup(login: login) == (name.isEmpty ? login : name), "\(login)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test("the first comma field of GECOS is the name")
    func firstField() {
        #expect(StaffFullName.name(gecos: "Anna Andersson,Rum 12,08-123 45,,anna@example.se", login: "anna") == "Anna Andersson")
        #expect(StaffFullName.name(gecos: "  Anna Andersson  ", login: "anna") == "Anna Andersson")
    }

    @Test("an empty GECOS field, or one of control characters only, gives the login")
    func emptyField() {
        #expect(StaffFullName.name(gecos: ",,,", login: "anna") == "anna")
        #expect(StaffFullName.name(gecos: "", login: "anna") == "anna")
        #expect(StaffFullName.name(gecos: nil, login: "anna") == "anna")
        #expect(StaffFullName.name(gecos: "\u{1B}\u{7}", login: "anna") == "anna")
        #expect(StaffFullName.name(gecos: "Anna\u{1B}[2J Andersson", login: "anna") == "Anna[2J Andersson")
    }

    @Test("an account that does not exist gives the login it was asked for")
    func missingUser() {
        #expect(StaffFullName.lookup(login: "no-such-staff-member") == "no-such-staff-member")
    }

    @Test("through sudo the person is named, not the service account")
    func identity() {
        let sudo = StaffIdentity(uid: 999, user: "no-such-service-account", sudo: SudoInvocation(user: "root", uid: 0, gid: 0))
        #expect(StaffFullName.of(sudo) == "root")
        let direct = StaffIdentity(uid: 0, user: "root", sudo: nil)
        #expect(StaffFullName.of(direct) == "root")
    }
}
