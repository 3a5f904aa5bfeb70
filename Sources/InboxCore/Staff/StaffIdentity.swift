// Who is acting, as the audit log names them: the account this process runs as and, when sudo
// started it, the person sudo names.
import Foundation
import Glibc

public struct StaffIdentity: Sendable, Equatable {
    /// The real user id of the process and its user name.
    public let uid: UInt32
    public let user: String
    /// The person, when the command runs through sudo as deploy/README.md's installation has it.
    public let sudo: SudoInvocation?

    public init(uid: UInt32, user: String, sudo: SudoInvocation?) {
        self.uid = uid
        self.user = user
        self.sudo = sudo
    }

    /// The person acting, as claims and notes name them: the one sudo names, else this account.
    public var person: String { sudo?.user ?? user }

    /// This process's identity, computed once.
    public static let current: StaffIdentity = {
        let uid = getuid()
        let user = getpwuid(uid).flatMap { String(validatingCString: $0.pointee.pw_name) } ?? "uid \(uid)"
        return StaffIdentity(uid: uid, user: user, sudo: SudoInvocation.detect())
    }()
}
