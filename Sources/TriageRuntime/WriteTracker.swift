import EngageContract
import Synchronization

/// Runs writes (accepts, reschedules, reassignments, notes) so that none is lost: each attempt
/// is journaled before it leaves, the outcome when it is known, and the writes still on their
/// way can be waited for or abandoned (recorded as unknown) when the session ends. One write per
/// request at a time. Shared by the screen's runner and the commands.
public final class WriteTracker: Sendable {
    private struct Entry {
        var write: AppointmentWrite
        var correlationId: String?
        var abandoned = false
    }

    private struct State {
        var inFlight: [String: Entry] = [:]
        var reports: [String: WriteReport] = [:]
        var idleWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let journal: any WriteJournal
    private let state = Mutex(State())

    public init(journal: any WriteJournal) {
        self.journal = journal
    }

    /// Sends `write` to request `id` through `service` (see `performReconciling`), journaled.
    public func perform(_ write: AppointmentWrite, on id: String, using service: any AppointmentService) async -> WriteOutcome {
        state.withLock { $0.inFlight[id] = Entry(write: write) }
        let entry = { @Sendable (event: WriteJournalEntry.Event) in WriteJournalEntry(appointmentId: id, write: write, event: event) }
        let outcome = await service.performReconciling(write, on: id) { [self] correlationId in
            // One critical section: an abandonment either comes before (nothing is sent) or sees
            // the correlation id of an attempt that is journaled and leaving.
            try self.state.withLock { state throws in
                guard state.inFlight[id]?.abandoned == false else { throw SessionEnded() }
                if let previous = state.inFlight[id]?.correlationId {
                    try journal.record(entry(.retried(correlationId: previous)))
                }
                try journal.record(entry(.sent(correlationId: correlationId)))
                state.inFlight[id]?.correlationId = correlationId
            }
        }
        let correlationId = state.withLock { $0.inFlight[id]?.correlationId }
        // Recorded even after an abandonment: the late truth is worth a line of its own.
        try? journal.record(entry(.finished(correlationId: correlationId, outcome)))
        let waiters = state.withLock { state in
            state.inFlight[id] = nil
            state.reports[id] = WriteReport(outcome, of: write.kind, id: id, correlationId: correlationId)
            guard state.inFlight.isEmpty else { return [CheckedContinuation<Void, Never>]() }
            defer { state.idleWaiters = [:] }
            return Array(state.idleWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
        return outcome
    }

    /// The requests with a write on its way, by appointment id.
    public var inFlight: [String] { state.withLock { $0.inFlight.keys.sorted() } }

    /// What became of the write of `id` (the last one), once known or abandoned.
    public func report(for id: String) -> WriteReport? { state.withLock { $0.reports[id] } }

    /// Waits until no write is on its way, at most `timeout`; `false` when some still are.
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

    /// Gives up on every write still on its way: each is journaled as abandoned (outcome unknown)
    /// and reported so; returns their reports.
    @discardableResult
    public func abandonAll() -> [WriteReport] {
        let abandoned: [(String, Entry)] = state.withLock { state in
            let open = state.inFlight.filter { !$0.value.abandoned }
            for (id, entry) in open {
                state.inFlight[id]?.abandoned = true
                state.reports[id] = Self.abandonedReport(id, entry)
            }
            return open.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
        }
        for (id, entry) in abandoned {
            try? journal.record(WriteJournalEntry(appointmentId: id, write: entry.write, event: .abandoned(correlationId: entry.correlationId)))
        }
        return abandoned.map { Self.abandonedReport($0.0, $0.1) }
    }

    /// A write abandoned before any attempt left was never sent; after, its outcome is unknown.
    private static func abandonedReport(_ id: String, _ entry: Entry) -> WriteReport {
        entry.correlationId == nil
            ? WriteReport(appointmentId: id, write: entry.write.kind, result: .notSent, reason: SessionEnded().description, correlationId: nil)
            : WriteReport(appointmentId: id, write: entry.write.kind, result: .unknown, correlationId: entry.correlationId)
    }
}

/// Why an attempt was not sent: the session ended first.
struct SessionEnded: Error, CustomStringConvertible {
    var description: String { "the session ended before it was sent" }
}
