// The reference a request's submission was stored under, if any. The form controller records it
// and the request log names it: a box in the request context, because the context reaches the
// handler by value and the middleware would not see a change made to its own copy.
import InboxStore
import Synchronization

final class IssuedReference: Sendable {
    private let value = Mutex<Reference?>(nil)

    var reference: Reference? { value.withLock { $0 } }

    func record(_ reference: Reference) {
        value.withLock { $0 = reference }
    }
}
