import Synchronization

/// The most recent requests the sandbox received, in arrival order, so tests can check what the
/// client really sent (headers, bracket query syntax, how often it retried). Bounded, so a
/// long-running sandbox does not grow.
final class RequestLog: Sendable {
    private let entries = Mutex<[SandboxRequest]>([])
    private let capacity: Int

    init(capacity: Int = 1_000) { self.capacity = capacity }

    func append(_ request: SandboxRequest) {
        entries.withLock { entries in
            if entries.count == capacity { entries.removeFirst() }
            entries.append(request)
        }
    }

    var all: [SandboxRequest] { entries.withLock { $0 } }
}
