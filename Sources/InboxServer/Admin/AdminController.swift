// The admin port (loopback by default): health and metrics for the operator.
import Foundation
import Hummingbird
import InboxCore
import InboxStore
import NIOPosix

struct AdminController: Sendable {
    let sealer: IntakeSealer
    let store: any InboxStore
    let metrics: IntakeMetrics

    func addRoutes(to router: Router<BasicRequestContext>) {
        // The checks block (a write lock may be waited for up to SQLite's busy timeout), so they run
        // on the thread pool, never on an event loop that also serves the form.
        router.get("/healthz") { _, _ in
            try await NIOThreadPool.singleton.runIfActive { self.health() }
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: self.metrics.exposition())))
        }
    }

    /// 200 when the store is writable and the current epoch's keys are loaded; says how many future
    /// epochs remain, so that a stalled purge timer shows before the keys run out.
    private func health() -> Response {
        var lines: [String] = []
        var healthy = true
        do {
            try store.checkWritable()
            lines.append("store: writable")
        } catch {
            healthy = false
            lines.append("store: not writable")
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
        return Response(
            status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n")))
    }
}
