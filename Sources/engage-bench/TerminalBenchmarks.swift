import EngageAPI
import EngageSandbox
import Foundation
import TriageCore

/// What the real binary writes to a 120x40 pseudo-terminal, and how fast it paints and idles.
enum TerminalBenchmarks {
    /// Bytes per action next to the lower bound: a full Ctrl-L repaint's bytes times the share of
    /// rows the action changed (counted by rendering the same states in-process).
    static func bytesPerAction() throws {
        Report.section("Bytes written to the terminal per action (real binary, pty 120x40, --demo)")
        let size = Size(width: 120, height: 40)
        let terminal = try PseudoTerminal(Fixtures.triageBinary, ["--demo"], environment: Fixtures.environment(),
                                          width: size.width, height: size.height)
        defer { terminal.terminate() }
        guard terminal.wait(for: " loaded") else { throw BenchError("the screen did not load") }
        _ = terminal.settle(after: terminal.byteCount)

        var state = Fixtures.loadedState(Fixtures.appointments(60).filter { $0.status == .incomingRequest }, size: size)
        func measure(_ keys: String, _ key: Key) -> (bytes: Int, changedRows: Int) {
            let before = Renderer.render(state)
            _ = Reducer.reduce(&state, .key(key))
            let after = Renderer.render(state)
            let changed = (0..<size.height).filter { row in
                (0..<size.width).contains { before[row, $0] != after[row, $0] }
            }.count
            let mark = terminal.byteCount
            terminal.send(keys)
            return (terminal.settle(after: mark), changed)
        }
        let full = measure("\u{0C}", .control("l")).bytes
        Report.figure("full repaint (Ctrl-L)", "\(full) B")
        let actions: [(String, String, Key)] = [
            ("cursor move (j)", "j", .character("j")),
            ("page down (PgDn)", "\u{1B}[6~", .pageDown),
            ("open a detail section (2)", "2", .character("2")),
            ("banner appears (a, then n)", "a", .character("a")),
            ("", "n", .character("n")),
            ("banner goes (Esc)", "\u{1B}", .escape),
        ]
        var pendingBytes = 0
        var pendingRows = 0
        for (name, keys, key) in actions {
            let (bytes, rows) = measure(keys, key)
            if name.isEmpty {
                pendingBytes += bytes
                pendingRows = max(pendingRows, rows)
                continue
            }
            if name.hasPrefix("banner appears") {
                pendingBytes = bytes
                pendingRows = rows
                continue
            }
            report(name, bytes: bytes, rows: rows, full: full, height: size.height)
        }
        report("banner appears (a, then n)", bytes: pendingBytes, rows: pendingRows, full: full, height: size.height)
    }

    private static func report(_ name: String, bytes: Int, rows: Int, full: Int, height: Int) {
        let bound = Double(full) * Double(rows) / Double(height)
        let ratio = bound > 0 ? Double(bytes) / bound : 0
        Report.figure(name, "\(bytes) B, \(rows) rows changed, bound \(Int(bound)) B, \(Report.format(ratio))x",
                      target: "<= 1.5x bound", met: ratio <= 1.5)
    }

    /// Process start to the first frame on the terminal, warm binary, median of `runs`.
    static func firstPaint(runs: Int) throws {
        Report.section("First paint of --demo from process start (pty 120x40)")
        var times: [Double] = []
        for _ in 0..<(runs + 1) {
            let started = ContinuousClock.now
            let terminal = try PseudoTerminal(Fixtures.triageBinary, ["--demo"], environment: Fixtures.environment(),
                                              width: 120, height: 40)
            _ = terminal.wait(for: "pending requests", timeout: .seconds(10))
            if let painted = terminal.firstArrival(containing: "pending requests") {
                times.append(Report.milliseconds(painted - started))
            }
            terminal.terminate()
        }
        let warm = Array(times.dropFirst())  // the first run warms the binary
        let median = Report.percentile(warm, 0.5)
        Report.figure("median of \(warm.count) warm runs", "\(Report.format(median, 1)) ms (max \(Report.format(warm.max() ?? 0, 1)) ms)",
                      target: "< 100 ms", met: median < 100)
    }

    /// CPU the open app uses while nothing happens.
    static func idleCPU(seconds: Int) throws {
        Report.section("Idle CPU with the app open (pty 120x40, --demo)")
        let terminal = try PseudoTerminal(Fixtures.triageBinary, ["--demo"], environment: Fixtures.environment(),
                                          width: 120, height: 40)
        defer { terminal.terminate() }
        guard terminal.wait(for: " loaded") else { throw BenchError("the screen did not load") }
        _ = terminal.settle(after: terminal.byteCount)
        let before = terminal.cpuTicks
        let bytes = terminal.byteCount
        Thread.sleep(forTimeInterval: Double(seconds))
        let ticks = terminal.cpuTicks - before
        let percent = Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK))) / Double(seconds) * 100
        Report.figure("CPU over \(seconds) s", "\(ticks) ticks (\(Report.format(percent, 3)) %), \(terminal.byteCount - bytes) B written",
                      target: "~0", met: percent < 0.1)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
