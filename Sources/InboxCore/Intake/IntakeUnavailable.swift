// Why the intake cannot take a submission now, through no fault of the citizen: the server answers
// 503 and says so, rather than acknowledge what nobody could ever open.

public enum IntakeUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    /// The epoch current by the server's clock has no complete key: not created yet (the purge
    /// creates epochs ahead) or being destroyed.
    case noKey(epoch: UInt32)
    /// Its key files are there but cannot be read.
    case unreadableKey(epoch: UInt32, reason: String)

    public var description: String {
        switch self {
        case .noKey(let epoch):
            "no complete key for the current epoch \(epoch): run `inbox purge` (it creates the epochs ahead), or check `inbox keys list`"
        case .unreadableKey(let epoch, let reason):
            "the keys of the current epoch \(epoch) cannot be read: \(reason)"
        }
    }
}
