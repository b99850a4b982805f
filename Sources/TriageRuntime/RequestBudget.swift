import Synchronization

/// The requests one tenant may have in flight at once, shared by everything the app sends:
/// pages, re-reads, accepts. The API allows 4 concurrent requests per IP address (and colleagues
/// behind the same office address share them), so the default is 3 and the most is 4. Actions
/// the user took (accepts) are first in line; reads wait behind them.
public final class RequestBudget: Sendable {
    /// Who waits for a slot.
    public enum Priority: Sendable {
        /// A write the user asked for: served before any read.
        case action
        /// A page, a re-read, a refresh.
        case read
    }

    public static let maximum = 4
    public let capacity: Int

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var inUse = 0
        var actions: [Waiter] = []
        var reads: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init(capacity: Int = 3) {
        self.capacity = min(max(1, capacity), Self.maximum)
    }

    /// The slots taken now.
    public var inUse: Int { state.withLock { $0.inUse } }

    /// The requests waiting for a slot.
    public var waiting: Int { state.withLock { $0.actions.count + $0.reads.count } }

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
                    let queued = priority == .action ? state.actions.isEmpty : state.actions.isEmpty && state.reads.isEmpty
                    if state.inUse < capacity, queued {
                        state.inUse += 1
                        return true
                    }
                    let waiter = Waiter(id: id, continuation: continuation)
                    if priority == .action { state.actions.append(waiter) } else { state.reads.append(waiter) }
                    return false
                }
                switch granted {
                case true?: continuation.resume()
                case nil: continuation.resume(throwing: CancellationError())
                case false?: break
                }
            }
        } onCancel: {
            let waiter: Waiter? = state.withLock { state in
                if let index = state.actions.firstIndex(where: { $0.id == id }) { return state.actions.remove(at: index) }
                if let index = state.reads.firstIndex(where: { $0.id == id }) { return state.reads.remove(at: index) }
                return nil
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives a slot back: to the first action waiting, else the first read, else to the pool.
    public func release() {
        let next: Waiter? = state.withLock { state in
            if !state.actions.isEmpty { return state.actions.removeFirst() }
            if !state.reads.isEmpty { return state.reads.removeFirst() }
            state.inUse -= 1
            return nil
        }
        next?.continuation.resume()
    }
}
