import EngageContract
import Synchronization

/// Runs accepts so that none is lost: each attempt is journaled before it leaves, the outcome
/// when it is known, and the accepts still on their way can be waited for or abandoned (recorded
/// as unknown) when the session ends. Shared by the screen's runner and the `accept` command.
public final class AcceptTracker: Sendable {
    private struct Entry {
        var correlationId: String?
        var abandoned = false
    }

    private struct State {
        var inFlight: [String: Entry] = [:]
        var reports: [String: AcceptReport] = [:]
        var idleWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let journal: any AcceptJournal
    private let state = Mutex(State())

    public init(journal: any AcceptJournal) {
        self.journal = journal
    }

    /// Accepts `id` through `service` (see `acceptReconciling`), journaled.
    public func accept(id: String, using service: any AppointmentService) async -> AcceptOutcome {
        state.withLock { $0.inFlight[id] = Entry() }
        let outcome = await service.acceptReconciling(id: id) { [self] correlationId in
            // One critical section: an abandonment either comes before (nothing is sent) or sees
            // the correlation id of an attempt that is journaled and leaving.
            try self.state.withLock { state throws in
                guard state.inFlight[id]?.abandoned == false else { throw SessionEnded() }
                if let previous = state.inFlight[id]?.correlationId {
                    try journal.record(.retried(appointmentId: id, correlationId: previous))
                }
                try journal.record(.sent(appointmentId: id, correlationId: correlationId))
                state.inFlight[id]?.correlationId = correlationId
            }
        }
        let correlationId = state.withLock { $0.inFlight[id]?.correlationId }
        // Recorded even after an abandonment: the late truth is worth a line of its own.
        try? journal.record(.finished(appointmentId: id, correlationId: correlationId, outcome))
        let waiters = state.withLock { state in
            state.inFlight[id] = nil
            state.reports[id] = AcceptReport(outcome, id: id, correlationId: correlationId)
            guard state.inFlight.isEmpty else { return [CheckedContinuation<Void, Never>]() }
            defer { state.idleWaiters = [:] }
            return Array(state.idleWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
        return outcome
    }

    /// The accepts on their way, by appointment id.
    public var inFlight: [String] { state.withLock { $0.inFlight.keys.sorted() } }

    /// What became of the accept of `id` (the last one), once known or abandoned.
    public func report(for id: String) -> AcceptReport? { state.withLock { $0.reports[id] } }

    /// Waits until no accept is on its way, at most `timeout`; `false` when some still are.
    public func waitUntilIdle(timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.idle() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first || inFlight.isEmpty
        }
    }

    private func idle() async -> Bool {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.inFlight.isEmpty || Task.isCancelled { return true }
                    state.idleWaiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.idleWaiters.removeValue(forKey: id) }?.resume()
        }
        return state.withLock { $0.inFlight.isEmpty }
    }

    /// Gives up on every accept still on its way: each is journaled as abandoned (outcome unknown)
    /// and reported so; returns their reports.
    @discardableResult
    public func abandonAll() -> [AcceptReport] {
        let abandoned: [(String, String?)] = state.withLock { state in
            let open = state.inFlight.filter { !$0.value.abandoned }
            for (id, entry) in open {
                state.inFlight[id]?.abandoned = true
                state.reports[id] = Self.abandonedReport(id, entry.correlationId)
            }
            return open.map { ($0.key, $0.value.correlationId) }.sorted { $0.0 < $1.0 }
        }
        for (id, correlationId) in abandoned {
            try? journal.record(.abandoned(appointmentId: id, correlationId: correlationId))
        }
        return abandoned.map { Self.abandonedReport($0.0, $0.1) }
    }

    /// An accept abandoned before any attempt left was never sent; after, its outcome is unknown.
    private static func abandonedReport(_ id: String, _ correlationId: String?) -> AcceptReport {
        correlationId == nil
            ? AcceptReport(appointmentId: id, result: .notSent, reason: SessionEnded().description, correlationId: nil)
            : AcceptReport(appointmentId: id, result: .unknown, correlationId: correlationId)
    }
}

/// Why an attempt was not sent: the session ended first.
struct SessionEnded: Error, CustomStringConvertible {
    var description: String { "the session ended before it was sent" }
}
