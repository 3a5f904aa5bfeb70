// Where LineLogHandler writes, and the clock it stamps lines with: one file descriptor, lines
// written whole under a lock, and the local time formatted at most once a second.
import Glibc
import Synchronization

public final class LogOutput: Sendable {
    public static let standardError = LogOutput(descriptor: STDERR_FILENO)

    private let descriptor: Int32
    /// The second last formatted and its text. `localtime_r`, unlike `localtime`, reads the time
    /// zone once per process: a changed /etc/localtime shows after a restart.
    private let stamp = Mutex<(second: Int, text: String)>((-1, ""))
    /// Held while a line is written, so that lines longer than a pipe's atomic write (4 KiB) from
    /// two threads cannot interleave.
    private let writing = Mutex(())

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Now, as "2026-11-30T12:00:00+0100" (the stream handler's format).
    func timestamp() -> String {
        var now = time(nil)
        if let text = stamp.withLock({ $0.second == now ? $0.text : nil }) { return text }
        var local = tm()
        var buffer = [CChar](repeating: 0, count: 64)
        guard localtime_r(&now, &local) != nil, strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local) > 0 else {
            return "<unknown>"
        }
        let text = String(cString: buffer)
        stamp.withLock { $0 = (now, text) }
        return text
    }

    /// Writes the whole line, retrying after a signal or a partial write; a line that cannot be
    /// written (a closed descriptor, a full disk) is dropped: logging never fails a request.
    func write(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            writing.withLock { _ in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(descriptor, start + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                        // A non-blocking descriptor that is full: wait for room (a second at
                        // most), so that a line is not cut short and glued to the next.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        guard poll(&ready, 1, 1_000) > 0 else { return }
                    } else {
                        return
                    }
                }
            }
        }
    }
}
