import EngageAPI
import EngageSandbox
import Foundation
import SpawnSupport
import TerminalUI
import TriageCore

/// The app's own costs with a big tenant: per-key latency, memory, decoding.
enum CoreBenchmarks {
    /// Key to `doupdate()` returned, with `count` appointments loaded: reduce, render, and ncurses
    /// drawing into a real pseudo-terminal (whose output is drained, as a terminal would).
    static func keyLatency(appointments: [Appointment], presses: Int) throws {
        Report.section("Key to doupdate() latency, \(appointments.count) appointments loaded (ncurses on a pty, 120x40)")
        let pseudoTerminal = try DrainedPseudoTerminal(width: 120, height: 40)
        setenv("TERM", "xterm-256color", 1)
        let terminal = Terminal()
        try terminal.start(colorPreference: "256", terminal: pseudoTerminal.terminal)
        defer { terminal.stop() }

        var state = Fixtures.loadedState(appointments, size: Size(width: 120, height: 40), pageSize: 100)
        let customers = state.names.entries.keys.count { $0.kind == .customer }
        Report.figure("names resolved", "\(state.names.entries.count) (\(customers) customers) in \(state.names.requestsSent) requests")
        terminal.draw(Renderer.render(state))
        let keys: [Key] = [.down, .down, .down, .pageDown, .character("2"), .up, .tab, .character("G"), .up, .character("g")]
        var samples: [Double] = []
        var parts: (reduce: [Double], render: [Double], draw: [Double]) = ([], [], [])
        samples.reserveCapacity(presses)
        let writesBefore = DrainedPseudoTerminal.writeCallsOfThisThread() ?? 0
        for index in 0..<presses {
            let started = ContinuousClock.now
            _ = Reducer.reduce(&state, .key(keys[index % keys.count]))
            let reduced = ContinuousClock.now
            let screen = Renderer.render(state)
            let rendered = ContinuousClock.now
            terminal.draw(screen)
            let drawn = ContinuousClock.now
            samples.append(Report.milliseconds(drawn - started))
            parts.reduce.append(Report.milliseconds(reduced - started))
            parts.render.append(Report.milliseconds(rendered - reduced))
            parts.draw.append(Report.milliseconds(drawn - rendered))
        }
        let writes = (DrainedPseudoTerminal.writeCallsOfThisThread() ?? 0) - writesBefore
        let p99 = Report.percentile(samples, 0.99)
        Report.figure("p50 over \(presses) keys", "\(Report.format(Report.percentile(samples, 0.5), 3)) ms (reduce "
            + "\(Report.format(Report.percentile(parts.reduce, 0.5), 3)), render \(Report.format(Report.percentile(parts.render, 0.5), 3)), "
            + "draw+doupdate \(Report.format(Report.percentile(parts.draw, 0.5), 3)))")
        Report.figure("p99", "\(Report.format(p99, 3)) ms (reduce \(Report.format(Report.percentile(parts.reduce, 0.99), 3)), "
            + "render \(Report.format(Report.percentile(parts.render, 0.99), 3)), "
            + "draw+doupdate \(Report.format(Report.percentile(parts.draw, 0.99), 3)))", target: "< 1 ms", met: p99 < 1)
        Report.figure("terminal writes per frame", Report.format(Double(writes) / Double(presses), 2))
        func press(_ key: Key) -> Double {
            let started = ContinuousClock.now
            _ = Reducer.reduce(&state, .key(key))
            terminal.draw(Renderer.render(state))
            return Report.milliseconds(ContinuousClock.now - started)
        }
        for (name, key) in [("mark all (*)", Key.character("*")), ("clear the marks (U)", Key.character("U"))] {
            let count = state.view.count
            let milliseconds = press(key)
            Report.figure("\(name) of \(count), to doupdate", "\(Report.format(milliseconds, 2)) ms",
                          target: "< 50 ms", met: milliseconds < 50)
        }
        filterKeystrokes(press, rounds: presses >= 1_000 ? 10 : 2, shown: { state.view.count })
        var sorts: [(String, Double)] = []
        for key in [Key.character("s"), .character("s"), .character("s"), .character("s"), .character("S"), .character("s")] {
            let milliseconds = press(key)
            sorts.append((state.view.order.label, milliseconds))
        }
        let slowest = sorts.max { $0.1 < $1.1 }!
        Report.figure("a sort change (s, S) to doupdate, slowest of \(sorts.count)",
                      "\(Report.format(slowest.1, 1)) ms (\(slowest.0); " + sorts.map { "\($0.0) \(Report.format($0.1, 1))" }.joined(separator: ", ") + ")",
                      target: "< 50 ms", met: slowest.1 < 50)
    }

    /// `/` and typing (each keystroke re-filters the list), backspacing, Esc; `rounds` times over
    /// a few texts. The first `/` builds the search index: counted among the keystrokes, and shown.
    private static func filterKeystrokes(_ press: (Key) -> Double, rounds: Int, shown: () -> Int) {
        var samples: [Double] = []
        var first: Double?
        var matches: [String: Int] = [:]
        var kinds: [String: [Double]] = [:]
        for _ in 0..<rounds {
            for text in ["dubois", "amelie", "1042", "savings", "ødegård", "zzzz"] {
                let opened = press(.character("/"))
                if first == nil { first = opened } else { kinds["/", default: []].append(opened) }
                samples.append(opened)
                for (index, character) in text.enumerated() {
                    let time = press(.character(character))
                    samples.append(time)
                    kinds[index == 0 ? "first letter" : "next letters", default: []].append(time)
                }
                matches[text] = shown()
                for _ in 0..<3 {
                    let time = press(.backspace)
                    samples.append(time)
                    kinds["backspace", default: []].append(time)
                }
                let time = press(.escape)
                samples.append(time)
                kinds["esc", default: []].append(time)
            }
        }
        let p99 = Report.percentile(samples, 0.99)
        Report.figure("filter keystroke to doupdate, p99 of \(samples.count)",
                      "\(Report.format(p99, 2)) ms (p50 \(Report.format(Report.percentile(samples, 0.5), 2)), "
                      + "slowest \(Report.format(samples.max() ?? 0, 2)), first / with the index built \(Report.format(first ?? 0, 1)) ms)",
                      target: "< 16 ms", met: p99 < 16)
        Report.figure("  p99 by key", kinds.sorted { $0.key < $1.key }
            .map { "\($0.key) \(Report.format(Report.percentile($0.value, 0.99), 2))" }.joined(separator: ", "))
        Report.figure("  matches", matches.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    /// Peak RSS of the real binary after loading every pending request of a big tenant and the
    /// names they refer to (over HTTP, as a session reads them), and what it asked for names.
    static func peakMemory(tenantSize: Int) async throws {
        Report.section("Peak memory with a big tenant and its names loaded, filtered once and sorted by customer (real binary, pty 120x40)")
        try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: tenantSize)) { sandbox in
            let pending = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.count
            let config = FileManager.default.temporaryDirectory.appendingPathComponent("engage-bench-\(UUID().uuidString).json")
            try Data(#"{"pageSize": 100}"#.utf8).write(to: config)
            let started = ContinuousClock.now
            let terminal = try PseudoTerminal(
                Fixtures.triageBinary, ["--config", config.path],
                environment: Fixtures.environment([
                    "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": sandbox.configuration.token,
                ]), width: 120, height: 40)
            defer { terminal.terminate() }
            guard terminal.wait(for: "\(pending) loaded", timeout: .seconds(600)) else {
                throw BenchError("the \(pending) pending requests did not load")
            }
            let loadTime = Report.milliseconds(ContinuousClock.now - started) / 1000
            Report.figure("\(pending) pending of \(tenantSize) loaded in", "\(Report.format(loadTime, 1)) s (pages of 100)")
            Report.figure("  peak RSS by the end of the load", "\(Report.format(Double(terminal.peakResidentKilobytes) / 1024, 1)) MB")
            // The names go on in the background: wait until no request came for two seconds.
            var last = -1
            while true {
                let now = sandbox.nameTally.figures.values.reduce(0) { $0 + $1.requests }
                if now == last { break }
                last = now
                try await Task.sleep(for: .seconds(2))
            }
            let namedIn = Report.milliseconds(ContinuousClock.now - started) / 1000 - 2
            let customers = Set(sandbox.tenant.appointments.filter { $0.status == .incomingRequest }
                .compactMap { $0.customer?.participant.id }).count
            Report.figure("names of them all read by", "\(Report.format(namedIn, 1)) s")
            NameBenchmarks.reportTally(sandbox.nameTally, distinctCustomers: customers)
            // The filter's index and a sort by name are part of a session too: used once each.
            // (ncurses sends only what changed: the markers are texts written whole.)
            terminal.send("/d")
            guard terminal.wait(for: "of \(pending)", timeout: .seconds(60)) else { throw BenchError("the filter did not answer") }
            terminal.send("ub")
            _ = terminal.settle(after: terminal.byteCount)
            terminal.send("\u{1B}")
            terminal.send("ss")
            guard terminal.wait(for: "A-Z", timeout: .seconds(60)) else { throw BenchError("the sort did not answer") }
            let megabytes = Double(terminal.peakResidentKilobytes) / 1024
            Report.figure("peak RSS (VmHWM)", "\(Report.format(megabytes, 1)) MB", target: "< 150 MB", met: megabytes < 150)
        }
    }

    /// Decoding list pages as the client does.
    static func decoding(appointments: [Appointment]) throws {
        Report.section("JSON decoding of appointment pages (\(appointments.count) appointments, pages of 100)")
        let encoder = EngageJSON.encoder()
        let pages = try stride(from: 0, to: appointments.count, by: 100).map { offset in
            try encoder.encode(ListEnvelope(
                data: Array(appointments[offset..<min(appointments.count, offset + 100)]),
                meta: PageMeta(offset: offset, limit: 100, totalCount: appointments.count)))
        }
        let bytes = pages.reduce(0) { $0 + $1.count }
        let decoder = EngageJSON.decoder()
        var best = Duration.seconds(1_000)
        for _ in 0..<3 {
            let started = ContinuousClock.now
            var decoded = 0
            for page in pages { decoded += try decoder.decode(ListEnvelope<Appointment>.self, from: page).data.count }
            precondition(decoded == appointments.count)
            best = min(best, ContinuousClock.now - started)
        }
        let seconds = Report.milliseconds(best) / 1000
        Report.figure("throughput (best of 3)", "\(Report.format(Double(bytes) / seconds / 1_048_576, 1)) MB/s, "
            + "\(Int(Double(appointments.count) / seconds)) appointments/s (\(bytes / appointments.count) B each)")
    }
}
