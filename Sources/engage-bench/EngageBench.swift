import ArgumentParser
import Foundation

/// `swift run -c release engage-bench`: the performance figures of the terminal, the core and the
/// client, each printed next to its target. Figures, not pass/fail: these machines are shared.
@main
struct EngageBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engage-bench", abstract: "Measure engage-triage and print each figure with its target.")

    @Flag(help: "A short smoke pass (small tenant, few runs, 3 s idle): checks that every benchmark still runs.")
    var quick = false

    @Option(help: "Pending requests loaded for the latency and memory figures (decoding uses as many).")
    var appointments: Int = 100_000

    @Flag(help: "Only the key latency (for profiling).")
    var latencyOnly = false

    @Option(help: "Only these figures (repeatable): \(Figure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var only: [Figure] = []

    /// The benchmarks, in the order they run.
    enum Figure: String, CaseIterable, ExpressibleByArgument {
        case bytes, paint, idle, latency, names, refresh, decoding, processes, memory
    }

    @Option(help: "Seconds to watch the idle app.")
    var idleSeconds: Int = 30

    func run() async throws {
        let big = quick ? 2_000 : appointments
        Report.line("engage-bench on \(ProcessInfo.processInfo.processorCount) cores, "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; binary \(Fixtures.triageBinary)")
        let figures = latencyOnly ? [.latency] : only.isEmpty ? Figure.allCases : only
        let needsTenant = figures.contains { [.latency, .decoding, .memory].contains($0) }
        let tenant = needsTenant ? Fixtures.tenant(withPending: big) : (size: 0, pending: [])
        let loaded = Array(tenant.pending.prefix(big))
        for figure in Figure.allCases where figures.contains(figure) {
            switch figure {
            case .bytes: try TerminalBenchmarks.bytesPerAction()
            case .paint: try TerminalBenchmarks.firstPaint(runs: quick ? 2 : 10)
            case .idle: try TerminalBenchmarks.idleCPU(seconds: quick ? 3 : idleSeconds)
            case .latency: try CoreBenchmarks.keyLatency(appointments: loaded, presses: quick ? 200 : latencyOnly ? 2_000 : 5_000)
            case .names: try await NameBenchmarks.firstScreen(pending: quick ? 200 : 1_000, latency: .milliseconds(100))
            case .refresh: try await RefreshBenchmarks.keysDuringRefresh(pending: quick ? 100 : 500, latency: .milliseconds(100))
            case .decoding: try CoreBenchmarks.decoding(appointments: loaded)
            case .processes: try await ProcessBenchmarks.compareWithCurl(runs: quick ? 3 : 20)
            case .memory: try await CoreBenchmarks.peakMemory(tenantSize: tenant.size)
            }
        }
    }
}
