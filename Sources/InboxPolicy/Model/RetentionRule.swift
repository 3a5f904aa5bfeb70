// One retention rule: keep a field for a duration after an event.

public struct RetentionRule: Sendable, Equatable {
    public let event: RetentionEvent
    public let keep: RetentionDuration

    public init(event: RetentionEvent, keep: RetentionDuration) {
        self.event = event
        self.keep = keep
    }

    public var description: String { "\(keep) after \(event.rawValue)" }
}
