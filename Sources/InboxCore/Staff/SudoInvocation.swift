// Whether this process was started by sudo, and for whom. sudo sets SUDO_USER, SUDO_UID and
// SUDO_GID; anyone can set them too, to make the audit log blame a colleague. They are believed
// only as sudo sets them: all three present and naming one account, and this process's parent a
// process called `sudo` whose effective user is root (a setuid-root sudo, or root itself: no one
// else can make one). A variable set by hand,
// or left in the environment of a shell that sudo started earlier, is not believed.
public import Foundation
import Glibc

public struct SudoInvocation: Sendable, Equatable {
    /// The person who ran sudo.
    public let user: String
    public let uid: UInt32
    public let gid: UInt32

    public init(user: String, uid: UInt32, gid: UInt32) {
        self.user = user
        self.uid = uid
        self.gid = gid
    }

    /// What the environment claims and the process tree confirms; nil when not started by sudo.
    public static func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment, parent: ParentProcess? = ParentProcess.current()
    ) -> SudoInvocation? {
        guard let claim = claimed(environment: environment), let parent, parent.name == "sudo", parent.uid == 0,
            let account = getpwnam(claim.user), account.pointee.pw_uid == claim.uid
        else { return nil }
        return claim
    }

    /// What the environment says, whoever set it.
    public static func claimed(environment: [String: String]) -> SudoInvocation? {
        guard let user = environment["SUDO_USER"], !user.isEmpty, let uid = environment["SUDO_UID"].flatMap({ UInt32($0) }),
            let gid = environment["SUDO_GID"].flatMap({ UInt32($0) })
        else { return nil }
        return SudoInvocation(user: user, uid: uid, gid: gid)
    }
}

/// The process that started this one: its command name and effective user id.
public struct ParentProcess: Sendable, Equatable {
    public let name: String
    /// The effective user id: 0 for sudo, which is setuid root, whoever ran it.
    public let uid: UInt32

    public init(name: String, uid: UInt32) {
        self.name = name
        self.uid = uid
    }

    /// Read from /proc; nil when it cannot be read.
    public static func current() -> ParentProcess? {
        ProcessStatus.of(getppid()).map { ParentProcess(name: $0.name, uid: $0.effectiveUID) }
    }
}
