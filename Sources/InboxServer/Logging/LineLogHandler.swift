// The server's log: swift-log's stream format, one line per event
// ("2026-11-30T12:00:00+0100 info inbox-server: key=value [module] message"), each written with
// a single write(2). Made for the intake's cost (docs/PERFORMANCE.md): the stream handler formats
// its timestamp with glibc's `localtime`, which, with TZ unset as under systemd, looks at
// /etc/localtime again on every call, and it locks and flushes a stdio stream per line; together
// about 4 µs of each request's log line. Here the timestamp is formatted once a second, and lines
// are serialised by a lock of their own so that two threads' lines never interleave.

public import Logging
import Synchronization

public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: LogOutput

    /// A handler for `label` writing to `output` (standard error: what systemd's journal takes).
    public init(
        label: String, output: LogOutput = .standardError, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        // The request log's line has only its own metadata: taken as it is, without merging it
        // into an empty dictionary (a copy of every entry, a line's largest cost after the write).
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            if merged.isEmpty { merged = explicit } else { merged.merge(explicit) { _, explicit in explicit } }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line = output.timestamp()
        line += " \(event.level)"
        if !label.isEmpty { line += " " + label }
        line += ":"
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        line += " [\(event.source)] \(event.message)\n"
        output.write(line)
    }
}
