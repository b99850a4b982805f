import EngageContract
import Synchronization
import Testing
import TriageCore
import TriageRuntime

/// The whole loop without a terminal: a `TriageStore` whose runner sends its results into a
/// stream the test reads, as the Composable Architecture's TestStore does: send an action,
/// receive the actions the effects send back, look at the state.
final class StoreHarness {
    let store: TriageStore
    let journal = MemoryJournal()
    private final class Inbox: Sendable {
        let actions = Mutex<[Action]>([])
    }

    private let inbox = Inbox()

    init(service: any TenantService, budget: RequestBudget = RequestBudget(), confirm: Bool = false) {
        let inbox = inbox
        let runner = EffectRunner(
            service: BudgetedService(service, budget: budget), tracker: WriteTracker(journal: journal),
            send: { action in inbox.actions.withLock { $0.append(action) } })
        let options = AppOptions(tenantName: "test", confirmBeforeAccept: confirm, timeZone: .utc, sortOrder: TriageCore.SortOrder(.server))
        store = TriageStore(state: AppState(options: options, size: Size(width: 120, height: 40)), runner: runner)
    }

    var state: AppState { store.state }

    /// Waits for the next action an effect sends back and reduces it; nil after `timeout`.
    @discardableResult
    func receive(timeout: Duration = .seconds(30)) async -> Action? {
        // Polled (every 2 ms, with a deadline): the runner posts from other threads.
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let next: Action? = inbox.actions.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if let next {
                store.send(next)
                return next
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return nil
    }

    /// Receives actions until `condition` holds on the state; records an issue after `timeout`.
    /// (30 s: on a cold 2-core CI machine the tests that start shells and binaries can hold the
    /// cooperative pool for seconds; a load of a few pages was seen to need more than 10.)
    func receive(until condition: (AppState) -> Bool, timeout: Duration = .seconds(30),
                 sourceLocation: SourceLocation = #_sourceLocation) async {
        let deadline = ContinuousClock.now + timeout
        while !condition(state) {
            guard ContinuousClock.now < deadline, await receive(timeout: deadline - .now) != nil else {
                let seen = "load \(state.load), accepts in flight \(state.writesInFlight.map(\.id)), \(state.view.count) rows"
                Issue.record("the state never got there: \(seen), running \(store.runner.runningEffects)",
                             sourceLocation: sourceLocation)
                return
            }
        }
    }
}
