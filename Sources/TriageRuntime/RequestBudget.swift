import Synchronization

/// The requests one tenant may have in flight at once, shared by everything the app sends:
/// pages, re-reads, accepts. The API allows 4 concurrent requests per IP address (and colleagues
/// behind the same office address share them), so the default is 3 and the most is 4. Actions
/// the user took (accepts) are first in line; then what the screen shows now (the names of the
/// visible rows), then the reads (pages), then the background (names of rows off screen).
public final class RequestBudget: Sendable {
    /// Who waits for a slot, in the order they are served.
    public enum Priority: Int, CaseIterable, Sendable {
        /// A write the user asked for: served before any read.
        case action
        /// What the screen waits for now: the names of the rows on screen.
        case visible
        /// A page, a re-read, a refresh.
        case read
        /// Work nobody waits for: the names of rows off screen.
        case background
    }

    public static let maximum = 4
    public let capacity: Int

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var inUse = 0
        /// One queue per priority, in `Priority` order.
        var queues = [[Waiter]](repeating: [], count: Priority.allCases.count)
        var nextID: UInt64 = 0

        /// Whether anyone of `priority` or before it is waiting.
        func hasWaiters(upTo priority: Priority) -> Bool {
            queues[...priority.rawValue].contains { !$0.isEmpty }
        }

        /// Takes the waiter with `id` out of its queue.
        mutating func remove(id: UInt64) -> Waiter? {
            for rank in queues.indices {
                if let index = queues[rank].firstIndex(where: { $0.id == id }) { return queues[rank].remove(at: index) }
            }
            return nil
        }
    }

    private let state = Mutex(State())

    public init(capacity: Int = 3) {
        self.capacity = min(max(1, capacity), Self.maximum)
    }

    /// The slots taken now.
    public var inUse: Int { state.withLock { $0.inUse } }

    /// The requests waiting for a slot.
    public var waiting: Int { state.withLock { $0.queues.reduce(0) { $0 + $1.count } } }

    /// Waits for a slot; throws `CancellationError` when the task is cancelled while it waits.
    /// Every successful `acquire` is followed by one `release`.
    public func acquire(_ priority: Priority) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let granted: Bool? = state.withLock { state in
                    if Task.isCancelled { return nil }
                    if state.inUse < capacity, !state.hasWaiters(upTo: priority) {
                        state.inUse += 1
                        return true
                    }
                    state.queues[priority.rawValue].append(Waiter(id: id, continuation: continuation))
                    return false
                }
                switch granted {
                case true?: continuation.resume()
                case nil: continuation.resume(throwing: CancellationError())
                case false?: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.remove(id: id) }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives a slot back: to the first waiter of the most urgent queue, else to the pool.
    public func release() {
        let next: Waiter? = state.withLock { state in
            if let rank = state.queues.firstIndex(where: { !$0.isEmpty }) { return state.queues[rank].removeFirst() }
            state.inUse -= 1
            return nil
        }
        next?.continuation.resume()
    }
}
