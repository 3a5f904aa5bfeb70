// The admin port (loopback by default): health and metrics for the operator.
import Foundation
import Hummingbird
import InboxCore
import InboxStore
import NIOPosix
import Prometheus

struct AdminController: Sendable {
    let sealer: IntakeSealer
    let store: any IntakeStore
    let metrics: IntakeMetrics
    /// The data directory's file system, for an embedded store; nil for a database elsewhere.
    let space: DataDirectorySpace?
    /// Below this much free space /healthz answers 503: before the disk is full.
    let minimumFreeBytes: UInt64

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in try await self.health() }
        router.get("/metrics") { _, _ in
            var exposition: [UInt8] = []
            self.metrics.emit(into: &exposition)
            self.emitDataDirectorySpace(into: &exposition)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: exposition)))
        }
    }

    /// The data directory's free space, read at the scrape into a registry made for that scrape:
    /// when the file system cannot be asked the gauge is absent, never a stale earlier reading.
    private func emitDataDirectorySpace(into exposition: inout [UInt8]) {
        guard let reading = space?.read() else { return }
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                metricName: "inbox_data_directory_free_bytes", unitName: "", helpText: "Free space for the database, as statvfs says.")
        ).set(to: Double(reading.freeBytes))
        registry.emit(into: &exposition)
    }

    /// 200 when a submission would be taken now: the store's write lock can be had, its file system
    /// is writable with room to spare, and the current epoch's keys are loaded. Says how many future
    /// epochs remain, so that a stalled purge timer shows before the keys run out. Each failing
    /// line says why, in words an operator acts on.
    private func health() async throws -> Response {
        var lines: [String] = []
        var healthy = true
        // The store waits for its write lock on its own executor (up to SQLite's busy timeout).
        do {
            try await store.checkWritable()
            lines.append("store: writable")
        } catch {
            healthy = false
            let condition = (error as? StoreError)?.condition ?? .other
            lines.append("store: not writable: \(condition.logName)")
        }
        // The file system's checks and the key files block (a write and fdatasync), so they run on
        // the thread pool, never on an event loop that also serves the form.
        let (fileLines, filesHealthy) = try await NIOThreadPool.singleton.runIfActive { self.fileSystemAndKeys() }
        lines += fileLines
        healthy = healthy && filesHealthy
        return Response(
            status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n")))
    }

    /// The data directory's space and writability, and the current epoch's keys.
    private func fileSystemAndKeys() -> (lines: [String], healthy: Bool) {
        var lines: [String] = []
        var healthy = true
        if let space {
            if let reading = space.read() {
                let mebibytes = { (bytes: UInt64) in "\(bytes / (1 << 20)) MiB" }
                if reading.readOnly {
                    healthy = false
                    lines.append("data directory: read-only: EROFS (the file system is mounted read-only)")
                } else if let failure = space.probeWrite() {
                    healthy = false
                    lines.append("data directory: cannot write: \(DataDirectorySpace.name(failure))")
                } else if reading.freeBytes < minimumFreeBytes {
                    healthy = false
                    lines.append(
                        "data directory: low on space: \(mebibytes(reading.freeBytes)) free, below the minimum of \(mebibytes(minimumFreeBytes))"
                    )
                } else {
                    lines.append("data directory: \(mebibytes(reading.freeBytes)) free")
                }
            } else {
                healthy = false
                lines.append("data directory: cannot be read")
            }
        }
        let now = Date()
        do {
            try sealer.prepare(for: now)
            lines.append("current epoch keys: loaded (\(sealer.epoch(at: now)))")
            lines.append("future epochs: \(try sealer.futureEpochCount(at: now))")
        } catch {
            healthy = false
            lines.append("current epoch keys: missing (\(sealer.epoch(at: now))): \(error)")
        }
        return (lines, healthy)
    }
}
