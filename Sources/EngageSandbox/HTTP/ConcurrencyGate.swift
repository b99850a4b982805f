import Synchronization

/// Counts requests being answered, to refuse the fifth concurrent one with 429 as the real API
/// does, and remembers the most that were ever in flight at once (tests check the client's limit).
final class ConcurrencyGate: Sendable {
    private struct Counts {
        var inFlight = 0
        var peak = 0
    }

    private let counts = Mutex(Counts())
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes a slot; `false` when all `limit` slots are taken.
    func enter() -> Bool {
        counts.withLock { counts in
            guard counts.inFlight < limit else { return false }
            counts.inFlight += 1
            counts.peak = max(counts.peak, counts.inFlight)
            return true
        }
    }

    func leave() {
        counts.withLock { $0.inFlight = max(0, $0.inFlight - 1) }
    }

    /// The most requests that were answered at the same time so far.
    var peak: Int { counts.withLock { $0.peak } }
}
