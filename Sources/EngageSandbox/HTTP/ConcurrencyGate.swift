import Synchronization

/// Counts requests being answered, to refuse the fifth concurrent one with 429 as the real API does.
final class ConcurrencyGate: Sendable {
    private let inFlight = Mutex(0)
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes a slot; `false` when all `limit` slots are taken.
    func enter() -> Bool {
        inFlight.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        inFlight.withLock { $0 = max(0, $0 - 1) }
    }
}
