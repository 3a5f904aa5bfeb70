// A process that opens the master key makes itself non-dumpable first, so that neither a core
// dump nor another process of the same user can read the opened keys out of its memory.
import CInboxSystem
import Glibc

public enum ProcessHardening {
    public static func disableDumping() throws {
        guard CInboxSystem_disable_dumping() == 0 else {
            throw CryptoError(.openSSL, "cannot make the process non-dumpable: \(String(cString: strerror(errno)))")
        }
    }

    public static var isDumpable: Bool { CInboxSystem_is_dumpable() == 1 }
}
