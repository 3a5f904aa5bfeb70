// SIGHUP: the sealer forgets the keys it loaded and reads the key directory, or the intake bundle
// swapped in since, afresh; requests in flight go on with the keys they have. A refresh needs no
// signal (new epochs are loaded when first needed, and every seal checks its key is still there);
// the signal is for an operator who wants it now.
import InboxCore
import Logging
import ServiceLifecycle
import UnixSignals

struct KeyReloader: Service {
    let sealer: IntakeSealer
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                try sealer.reload()
                logger.notice("keys reloaded on SIGHUP")
            } catch {
                logger.error("keys could not be reloaded on SIGHUP; the loaded ones stay in use", metadata: ["reason": "\(error)"])
            }
        }
    }
}
