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

    @Flag(help: "Only the peak memory of the real binary (for profiling).")
    var memoryOnly = false

    @Option(help: "Seconds to watch the idle app.")
    var idleSeconds: Int = 30

    func run() async throws {
        let big = quick ? 2_000 : appointments
        Report.line("engage-bench on \(ProcessInfo.processInfo.processorCount) cores, "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; binary \(Fixtures.triageBinary)")
        let tenant = Fixtures.tenant(withPending: big)
        let loaded = Array(tenant.pending.prefix(big))
        if latencyOnly {
            try CoreBenchmarks.keyLatency(appointments: loaded, presses: 2_000)
            return
        }
        if memoryOnly {
            try await CoreBenchmarks.peakMemory(tenantSize: tenant.size)
            return
        }
        try TerminalBenchmarks.bytesPerAction()
        try TerminalBenchmarks.firstPaint(runs: quick ? 2 : 10)
        try TerminalBenchmarks.idleCPU(seconds: quick ? 3 : idleSeconds)
        try CoreBenchmarks.keyLatency(appointments: loaded, presses: quick ? 200 : 5_000)
        try CoreBenchmarks.decoding(appointments: loaded)
        try await ProcessBenchmarks.compareWithCurl(runs: quick ? 3 : 20)
        try await CoreBenchmarks.peakMemory(tenantSize: tenant.size)
    }
}
