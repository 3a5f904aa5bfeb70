// The full name of a staff member as their account gives it, for `{{staff_name}}` in an answer's
// signature: the first comma-separated field of GECOS (`adduser` asks for it as "Full Name"), or the
// login when the account has none or does not exist here.
import Foundation
import Glibc

public enum StaffFullName {
    /// The largest buffer getpwnam_r is given: a passwd line is short, and a larger need means
    /// something is wrong with the account database rather than with the name.
    static let maximumBuffer = 1 << 20

    /// The name of `login`'s account, else `login`.
    public static func lookup(login: String) -> String {
        var size = max(sysconf(Int32(_SC_GETPW_R_SIZE_MAX)), 1024)
        while size <= maximumBuffer {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            var record = passwd()
            var found: UnsafeMutablePointer<passwd>?
            let status = getpwnam_r(login, &record, buffer, size, &found)
            if status == ERANGE {
                size *= 2
                continue
            }
            // The strings point into `buffer`, so they are copied before it goes.
            guard status == 0, found != nil else { return login }
            return name(gecos: record.pw_gecos.flatMap { String(validatingCString: $0) }, login: login)
        }
        return login
    }

    /// The person an audit entry names: the one sudo names when it is believed, else the account.
    public static func of(_ identity: StaffIdentity) -> String {
        lookup(login: identity.sudo?.user ?? identity.user)
    }

    /// The first field of `gecos`, without control characters (it goes into a mail to a citizen)
    /// and trimmed; `login` when nothing is left.
    static func name(gecos: String?, login: String) -> String {
        let field = (gecos ?? "").prefix { $0 != "," }
        let printable = String(String.UnicodeScalarView(field.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        let trimmed = printable.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? login : trimmed
    }
}
