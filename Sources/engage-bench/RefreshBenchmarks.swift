import EngageAPI
import EngageSandbox
import Foundation
import SpawnSupport
import Synchronization
import TerminalUI
import TriageCore
import TriageRuntime

/// Keys while a background refresh runs: the runtime (reducer, effect runner, request budget,
/// client) against the sandbox over loopback with latency on every request, and ncurses drawing
/// into a real pseudo-terminal after every action, as the screen's loop does.
enum RefreshBenchmarks {
    static func keysDuringRefresh(pending: Int, latency: Duration) async throws {
        Report.section("Keys during a refresh of \(pending) pending, \(Int(Report.milliseconds(latency))) ms latency on every request "
            + "(runtime + client + sandbox over loopback, ncurses on a pty 120x40)")
        let tenant = Fixtures.tenant(withPending: pending).size
        try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: tenant)) { sandbox in
            let pseudoTerminal = try DrainedPseudoTerminal(width: 120, height: 40)
            setenv("TERM", "xterm-256color", 1)
            let terminal = Terminal()
            try terminal.start(colorPreference: "256", terminal: pseudoTerminal.terminal)
            defer { terminal.stop() }

            let inbox = Mutex<[Action]>([])
            let runner = EffectRunner(
                service: BudgetedService(sandbox.makeClient(pageSize: 25), budget: RequestBudget()),
                tracker: WriteTracker(journal: NoJournal()), send: { action in inbox.withLock { $0.append(action) } })
            let size = Size(width: 120, height: 40)
            let store = TriageStore(state: AppState(options: AppOptions(tenantName: "bench", timeZone: Fixtures.utc), size: size),
                                    runner: runner)
            defer { runner.cancelReads() }
            /// Reduces what the effects sent back, drawing after each; returns the slowest (ms).
            func pump() -> Double {
                var slowest = 0.0
                for action in inbox.withLock({ actions in defer { actions.removeAll() }; return actions }) {
                    let started = ContinuousClock.now
                    store.send(action)
                    terminal.draw(Renderer.render(store.state))
                    slowest = max(slowest, Report.milliseconds(ContinuousClock.now - started))
                }
                return slowest
            }
            store.send(.start)
            let deadline = ContinuousClock.now + .seconds(120)
            while store.state.load != .done, ContinuousClock.now < deadline {
                _ = pump()
                try await Task.sleep(for: .milliseconds(2))
            }
            guard store.state.load == .done else { throw BenchError("the \(pending) pending requests did not load") }

            // Colleagues at work: ten new requests, five accepted elsewhere.
            let seeder = SandboxSeeder(seed: sandbox.configuration.seed, count: 0, referenceDate: sandbox.configuration.referenceDate)
            for _ in 0..<10 { sandbox.tenant.add(seeder.arrivingRequest(index: sandbox.tenant.appointments.count, now: Date())) }
            for _ in 0..<5 { sandbox.tenant.acceptOldestPendingAsColleague() }
            sandbox.faults.setLatency(latency)

            let started = ContinuousClock.now
            store.send(.key(.character("R")))
            var keys: [Double] = []
            var slowestAction = 0.0
            let keysToPress: [Key] = [.down, .down, .up, .character("2"), .down, .character("1"), .up]
            while store.state.isRefreshing || runner.runningEffects.contains(.recheck), ContinuousClock.now < started + .seconds(120) {
                slowestAction = max(slowestAction, pump())
                let pressed = ContinuousClock.now
                store.send(.key(keysToPress[keys.count % keysToPress.count]))
                terminal.draw(Renderer.render(store.state))
                keys.append(Report.milliseconds(ContinuousClock.now - pressed))
                try await Task.sleep(for: .milliseconds(5))
            }
            let refreshed = Report.milliseconds(ContinuousClock.now - started) / 1000
            let state = store.state
            guard !state.isRefreshing else { throw BenchError("the refresh did not end within 120 s") }
            let elsewhere = (0..<state.store.count).count { state.store.state(of: state.store.id(ofSlot: $0)).handledElsewhere }
            Report.figure("refresh read the list in", "\(Report.format(refreshed, 1)) s, one page at a time "
                + "(\(state.store.newCount) new, \(elsewhere) handled elsewhere found)")
            let p99 = Report.percentile(keys, 0.99)
            Report.figure("key to doupdate during it, p99 of \(keys.count)",
                          "\(Report.format(p99, 3)) ms (p50 \(Report.format(Report.percentile(keys, 0.5), 3)), "
                          + "slowest \(Report.format(keys.max() ?? 0, 3)))", target: "< 1 ms", met: p99 < 1)
            Report.figure("slowest page or answer merged and drawn", "\(Report.format(slowestAction, 3)) ms "
                + "(the longest a key can wait behind one)")
        }
    }
}
