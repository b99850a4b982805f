import EngageAPI
import EngageSandbox
import Foundation
import Synchronization
import TriageCore
import TriageRuntime

/// How fast names replace ids: the runtime (reducer, effect runner, request budget, client) against
/// the sandbox over loopback with 100 ms of latency on every request, no terminal.
enum NameBenchmarks {
    static func firstScreen(pending: Int, latency: Duration) async throws {
        Report.section("Names on the first screen, \(Int(Report.milliseconds(latency))) ms latency on every request "
            + "(runtime + client + sandbox over loopback, \(pending) pending)")
        let tenant = Fixtures.tenant(withPending: pending).size
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: tenant)) { sandbox in
                sandbox.faults.setLatency(latency)
                let (firstPage, visible) = try await measure(sandbox, size: size)
                let roundTrip = Report.milliseconds(latency)
                Report.figure("\(size): rows with ids on screen", "\(Report.format(firstPage, 0)) ms",
                              target: "< 2 round trips (\(Int(2 * roundTrip)) ms)", met: firstPage < 2 * roundTrip)
                let requests = sandbox.nameTally.figures.values.reduce(0) { $0 + $1.requests }
                let rows = Layout(size: size, focus: .list).listRows
                // Customers have no batch endpoint: one request each, three at a time (the budget).
                let floor = Double((rows + 2) / RequestBudget().capacity + 1) * roundTrip
                Report.figure("\(size): every visible row named", "\(Report.format(visible, 0)) ms (\(rows) rows, "
                    + "\(requests) name requests so far; floor with \(RequestBudget().capacity) at once ~\(Int(floor)) ms)",
                    target: "< 1 s", met: visible < 1_000)
            }
        }
    }

    /// Milliseconds from start to the first rows in the view, and to every visible row named.
    private static func measure(_ sandbox: SandboxServer, size: Size) async throws -> (Double, Double) {
        let inbox = Mutex<[Action]>([])
        let runner = EffectRunner(
            service: BudgetedService(sandbox.makeClient(pageSize: 25), budget: RequestBudget()),
            tracker: WriteTracker(journal: NoJournal()), send: { action in inbox.withLock { $0.append(action) } })
        // In the server's order, so that `checkServerOrder` can see a garbled load.
        let options = AppOptions(tenantName: "bench", timeZone: Fixtures.utc, sortOrder: TriageCore.SortOrder(.server))
        let store = TriageStore(state: AppState(options: options, size: size), runner: runner)
        let started = ContinuousClock.now
        store.send(.start)
        var firstRows: Double?
        var named: Double?
        let deadline = started + .seconds(60)
        while ContinuousClock.now < deadline {
            for action in inbox.withLock({ actions in defer { actions.removeAll() }; return actions }) { store.send(action) }
            if firstRows == nil, !store.state.view.isEmpty { firstRows = Report.milliseconds(ContinuousClock.now - started) }
            if firstRows != nil, named == nil, visibleRowsAreNamed(store.state) { named = Report.milliseconds(ContinuousClock.now - started) }
            if let firstRows, let named, store.state.load == .done {
                runner.cancelReads()
                try checkServerOrder(store.state, sandbox)
                return (firstRows, named)
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        runner.cancelReads()
        throw BenchError("the visible rows were not named, or the list not loaded, within 60 s")
    }

    /// Not a timing: a release build that lists the requests out of the server's order (as one
    /// did, when the optimiser garbled the offsets the load's child tasks handed back) fails here,
    /// where CI runs the release build.
    private static func checkServerOrder(_ state: AppState, _ sandbox: SandboxServer) throws {
        let expected = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.map(\.id)
        let shown = (0..<state.view.count).map { state.row(at: $0).id }
        guard shown == expected else {
            throw BenchError("the list is not in the server's order: starts \(shown.prefix(5)), expected \(expected.prefix(5))")
        }
    }

    /// Whether every name the screen shows is known (or known not to exist).
    private static func visibleRowsAreNamed(_ state: AppState) -> Bool {
        state.visibleNameKeys.allSatisfy { state.names.entries[$0] != nil }
    }

    /// The name requests a whole session made, as the sandbox counted them.
    static func reportTally(_ tally: NameRequestTally, distinctCustomers: Int) {
        var total = 0
        for kind in NameKind.allCases {
            guard let figures = tally.figures[kind] else { continue }
            total += figures.requests
            let batches = kind.isBatched ? ", \(figures.fullBatches) full batches of \(NameRequest.batchLimit)" : ""
            Report.figure("  \(kind.rawValue)s", "\(figures.requests) requests, \(figures.ids) ids, "
                + "\(figures.repeatedIds) asked twice\(batches)", target: "0 asked twice", met: figures.repeatedIds == 0)
        }
        Report.figure("name requests in all", "\(total) (\(distinctCustomers) distinct customers)")
    }
}
