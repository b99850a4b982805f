import EngageContract
import Synchronization
import TriageCore

/// Performs the reducer's network effects and sends their results back as actions.
///
/// Effects have identity (`Effect.id`): a new effect with the id of a running one replaces it
/// (a new load cancels the old, whose late pages the reducer ignores by generation anyway), and
/// `.cancel(id)` stops one. Every request goes through `service`, normally a `BudgetedService`,
/// so pages and writes share one request budget. Writes go through the `WriteTracker`, which
/// journals them and lets the session wait for them at its end; they are never cancelled here.
/// Names are read in the background and always answered (with the names or why not), so the
/// reducer knows which are still on their way.
public final class EffectRunner: Sendable {
    private struct Running {
        var token: UInt64
        var task: Task<Void, Never>
    }

    private let service: any TenantService
    private let tracker: WriteTracker
    private let maxPagesInFlight: Int
    private let send: @Sendable (Action) -> Void
    private let running = Mutex<(tasks: [EffectID: Running], nextToken: UInt64)>(([:], 0))

    /// - Parameters:
    ///   - service: the tenant, through the request budget.
    ///   - maxPagesInFlight: pages a load asks for at once (the budget bounds them too).
    ///   - send: where results go; called from any thread.
    public init(service: any TenantService, tracker: WriteTracker, maxPagesInFlight: Int = 2,
                send: @escaping @Sendable (Action) -> Void) {
        self.service = service
        self.tracker = tracker
        self.maxPagesInFlight = maxPagesInFlight
        self.send = send
    }

    public var writeTracker: WriteTracker { tracker }

    /// The ids of the effects running now.
    public var runningEffects: Set<EffectID> { running.withLock { Set($0.tasks.keys) } }

    /// Starts a network effect; terminal effects (redraw, quit) are not the runner's and are ignored.
    public func run(_ effect: Effect) {
        switch effect {
        case .loadAppointments(let generation):
            load(generation: generation, pagesInFlight: maxPagesInFlight)
        case .refreshAppointments(let generation):
            load(generation: generation, pagesInFlight: 1)
        case .recheck(let ids):
            start(.recheck) { [service, send] in
                var found: [Appointment] = []
                do throws(EngageError) {
                    for chunk in stride(from: 0, to: ids.count, by: service.pageSize) {
                        let part = Array(ids[chunk..<min(ids.count, chunk + service.pageSize)])
                        let page = try await service.appointmentPage(matching: AppointmentQuery(ids: part), offset: 0, limit: part.count)
                        found += page.appointments
                    }
                    if !Task.isCancelled { send(.recheckFinished(ids: ids, .success(found))) }
                } catch {
                    if !Task.isCancelled { send(.recheckFinished(ids: ids, .failure(error))) }
                }
            }
        case .scheduleRefresh(let seconds):
            start(.refreshTimer) { [send] in
                do {
                    try await Task.sleep(for: .seconds(seconds))
                    send(.refreshDue)
                } catch {}
            }
        case .write(let id, let write):
            // A second write to a request with one on its way is not sent (the reducer does not ask).
            guard !runningEffects.contains(.write(id)) else { return }
            start(.write(id)) { [service, tracker, send] in
                let outcome = await tracker.perform(write, on: id, using: service)
                send(.writeFinished(id: id, write.kind, outcome))
            }
        case .resolveNames(let request):
            start(.names(request)) { [service, send] in
                send(.namesResolved(request, await Self.result { () async throws(EngageError) in try await service.names(for: request) }))
            }
        case .loadColleagues:
            start(.colleagues) { [service, send] in
                send(.colleaguesLoaded(await Self.result { () async throws(EngageError) in try await service.colleagues() }))
            }
        case .fetchAppointment(let id):
            start(.read(id)) { [service, send] in
                let result = await Self.result { () async throws(EngageError) in try await service.appointment(id: id) }
                if !Task.isCancelled { send(.appointmentFetched(id: id, result)) }
            }
        case .cancel(let id):
            cancel(id)
        case .redraw, .quit, .log, .copy, .editNote:
            break
        }
    }

    /// What `work` returned or threw, as a value to send back.
    private static func result<Value>(_ work: () async throws(EngageError) -> Value) async -> Result<Value, EngageError> {
        do throws(EngageError) {
            return .success(try await work())
        } catch {
            return .failure(error)
        }
    }

    /// Reads every pending page (`pagesInFlight` at once) and sends them as they come.
    private func load(generation: Int, pagesInFlight: Int) {
        start(.load) { [service, send] in
            let listing = AppointmentListing(pageSize: service.pageSize, maxPagesInFlight: pagesInFlight)
            do throws(EngageError) {
                let result = try await listing.run(
                    fetch: { offset, limit throws(EngageError) in
                        try await service.appointmentPage(matching: .pending, offset: offset, limit: limit)
                    },
                    onPage: { page in
                        if !Task.isCancelled { send(.pageLoaded(generation: generation, page)) }
                    })
                if !Task.isCancelled { send(.loadFinished(generation: generation, isComplete: result.isComplete)) }
            } catch {
                if !Task.isCancelled { send(.loadFailed(generation: generation, error)) }
            }
        }
    }

    /// Stops the effect with `id`, if one runs.
    public func cancel(_ id: EffectID) {
        running.withLock { $0.tasks.removeValue(forKey: id) }?.task.cancel()
    }

    /// Stops every effect but the writes (which the session waits for or abandons).
    public func cancelReads() {
        let tasks = running.withLock { running in
            let reads = running.tasks.filter { if case .write = $0.key { false } else { true } }
            for id in reads.keys { running.tasks[id] = nil }
            return reads.values.map(\.task)
        }
        for task in tasks { task.cancel() }
    }

    private func start(_ id: EffectID, _ work: @escaping @Sendable () async -> Void) {
        running.withLock { running in
            running.nextToken += 1
            let token = running.nextToken
            running.tasks[id]?.task.cancel()
            let task = Task { [self] in
                await work()
                self.running.withLock { running in
                    if running.tasks[id]?.token == token { running.tasks[id] = nil }
                }
            }
            running.tasks[id] = Running(token: token, task: task)
        }
    }
}
